// The release repository cannot be reached: check-abi fails naming it and what to do, and names
// as searched only the repositories that were (Maven Central is disabled in the pom).
def log = new File(basedir, 'build.log').text
assert log.contains('abiguard check-abi: cannot tell which release of org.example:hv-abi-remote precedes 1.1-SNAPSHOT: a repository could not be searched: releases (http://127.0.0.1:9/repo): ') : log
assert log.contains('. Searched: the local repository, local.central (') : log
assert log.contains(' (no release there). Make the repositories reachable, or name the release to compare with, -Dabiguard.baselineVersion=VERSION (or <baselineVersion>), or a copy of it, -Dabiguard.baselineFile=PATH (its jar or its abi-manifest.json); -Dabiguard.checkAbi.skip=true skips the check') : log
assert !log.contains('nothing to compare with yet') : log
assert !log.contains('central (https://repo.maven.apache.org/maven2)') : log
assert log.contains('BUILD FAILURE')
return true

// Offline, with no release in the local repository: check-abi fails, says which repositories were
// not searched and why, and does not claim them searched.
def log = new File(basedir, 'build.log').text
assert log.contains('abiguard check-abi: no release of org.example:hv-abi-offline below 1.1-SNAPSHOT in the local repository, and Maven is offline, so ') : log
assert log.contains('releases (http://127.0.0.1:9/repo)') : log
assert log.contains(' not searched (no copy of ') : log
assert log.contains('metadata of org.example:hv-abi-offline from an earlier online build): a release there cannot be ruled out. Build online, or name the release to compare with') : log
assert log.contains('before the first release, skip the check with -Dabiguard.checkAbi.skip=true') : log
assert !log.contains('nothing to compare with yet') : log
assert log.contains('BUILD FAILURE')
return true

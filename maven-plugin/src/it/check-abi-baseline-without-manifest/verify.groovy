// baselineFile names a jar without META-INF/abiguard/abi-manifest.json: the build fails saying so.
def log = new File(basedir, 'build.log').text
assert log.contains('abiguard check-abi: the baselineFile ') : log
assert log.contains("abiguard-annotations-${projectVersion}.jar has no META-INF/abiguard/abi-manifest.json, so there is nothing to compare this build with") : log
assert !log.contains('): nothing to compare') : log
assert log.contains('BUILD FAILURE')
return true

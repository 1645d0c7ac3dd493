// Release 1.0 is the first: check-abi has nothing to compare with, says so, and does not fail.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] abiguard check-abi: no release of org.example:hv-abi below 1.0 in the local repository') : log
assert log.contains('nothing to compare with yet') : log
assert !log.contains('[abiguard:abi-break]') : log
assert log.contains('BUILD SUCCESS')
def jar = new File(localRepositoryPath, 'org/example/hv-abi/1.0/hv-abi-1.0.jar')
assert jar.isFile() : "1.0 was not installed at ${jar}"
return true

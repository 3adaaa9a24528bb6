package compiler_test

import "flag"

// fuzzing reports whether go test runs with -fuzz (the fuzzer's inputs),
// rather than only the seed corpus.
func fuzzing() bool {
	fl := flag.Lookup("test.fuzz")
	return fl != nil && fl.Value.String() != ""
}

// Command gen writes the C header of the module ABI (wasm/ml_abi.h) from
// package abi, so that the C of the fast call path (wasm/) and of the
// CPython bridge (pybridge/) use the same constants as the Go code:
//
//	go generate ./core/abi
//
// header_test.go checks that the committed header is what gen writes,
// and that it holds every exported constant of package abi.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "", "write the header to this file (default: standard output)")
	flag.Parse()
	b := render()
	if *out == "" {
		_, err := os.Stdout.Write(b)
		exitOn(err)
		return
	}
	exitOn(os.WriteFile(*out, b, 0o644))
}

// exitOn reports err and exits when it is not nil.
func exitOn(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

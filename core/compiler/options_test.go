package compiler

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

const fibSrc = "def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"

func TestWATOnlyWhenAsked(t *testing.T) {
	for _, want := range []bool{false, true} {
		a, err := Compile(fibSrc, Options{Language: "en", Optimize: true, WAT: want})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(a.WAT, "(func $fib"); got != want {
			t.Errorf("WAT: %v, text has fib: %v\n%s", want, got, a.WAT)
		}
	}
}

func TestDisable(t *testing.T) {
	all, err := Compile(fibSrc, Options{Language: "en", Optimize: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		disable []string
		same    bool // the module is the one of every pass
	}{
		{nil, true},
		{[]string{""}, true},
		{[]string{"strappend"}, true}, // fib appends to no string
		{[]string{"tailcall"}, false},
		{[]string{" fold", "leafguard "}, false},
	}
	for _, tt := range tests {
		a, err := Compile(fibSrc, Options{Language: "en", Optimize: true, Disable: tt.disable})
		if err != nil {
			t.Fatalf("%q: %v", tt.disable, err)
		}
		if same := bytes.Equal(a.Wasm, all.Wasm); same != tt.same {
			t.Errorf("%q: same module as every pass: %v, want %v", tt.disable, same, tt.same)
		}
	}
}

func TestDisableUnknown(t *testing.T) {
	_, err := Compile(fibSrc, Options{Language: "en", Disable: []string{"fold", "inline"}})
	var pe *wasmgen.UnknownPassError
	if !errors.As(err, &pe) || pe.Name != "inline" {
		t.Fatalf("err = %v, want an UnknownPassError for inline", err)
	}
	for _, name := range wasmgen.PassNames() {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("%q does not list the pass %s", err, name)
		}
	}
}

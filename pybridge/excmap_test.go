package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/compiler"
	"github.com/multilingualprogramming/multilingual/wasm"
)

func TestExcFor(t *testing.T) {
	tests := []struct {
		err  error
		want pyExc
	}{
		{errors.New("x"), excRuntime},
		{&wasm.Trap{Kind: wasm.TrapZeroDivision}, excZeroDivision},
		{&wasm.Trap{Kind: wasm.TrapOverflow}, excOverflow},
		{&wasm.Trap{Kind: wasm.TrapIndex}, excIndex},
		{&wasm.Trap{Kind: wasm.TrapRecursion}, excRecursion},
		{&wasm.Trap{Kind: wasm.TrapValue}, excValue},
		{&wasm.Trap{Kind: wasm.TrapAssertion}, excAssertion},
		{&wasm.Trap{Kind: wasm.TrapMemory}, excMemory},
		{&wasm.Trap{Kind: wasm.TrapGeneric}, excWasmTrap},
		{&wasm.Trap{Kind: wasm.TrapUnsupported}, excWasmTrap},
		{&wasm.ArgError{}, excType},
		{&wasm.MemoryRangeError{}, excIndex},
		{&wasm.CompileError{}, excValue},
		{&wasm.ABIError{Module: 5, Runtime: 6}, excValue},
		{fmt.Errorf("w: %w", &wasm.ExportError{}), excValue},
		{&wasm.MissingImportsError{}, excValue},
		{&compiler.UnknownLanguageError{Code: "xx"}, excValue},
		{wasm.ErrEmpty, excValue},
		{wasm.ErrClosed, excValue},
		{wasm.ErrNoMemory, excValue},
		{&wasm.Trap{Kind: wasm.TrapTimeout}, excTimeout},
		{&wasm.Trap{Kind: wasm.TrapType}, excType},
		{&wasm.MemoryLimitError{}, excMemory},
		{&wasm.ImportError{}, excValue},
		{&wasm.UnsafeCacheDirError{}, excPermission},
		{&wasm.Trap{Kind: wasm.TrapInterrupt}, excInterrupt},
		{fmt.Errorf("wasm: instantiate: %w", wasm.ErrTimeout), excTimeout},
		{fmt.Errorf("wasm: instantiate: %w", wasm.ErrInterrupted), excInterrupt},
		{wasm.ErrNotInterruptible, excValue},
	}
	for _, tt := range tests {
		if got := excFor(tt.err); got != tt.want {
			t.Errorf("excFor(%T %v) = %d, want %d", tt.err, tt.err, got, tt.want)
		}
	}
}

// TestExcCodes keeps the code C knows (bridge.h) equal to excInterrupt.
func TestExcCodes(t *testing.T) {
	src, err := os.ReadFile("bridge.h")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("#define ML_EXC_INTERRUPT %d\n", excInterrupt)
	if !strings.Contains(string(src), want) {
		t.Errorf("bridge.h does not say %q", want)
	}
}

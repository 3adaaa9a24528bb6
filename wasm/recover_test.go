package wasm

import (
	"errors"
	"testing"
)

func TestRecoverTo(t *testing.T) {
	f := func() (err error) {
		defer recoverTo(&err)
		panic("boom")
	}
	err := f()
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "boom" {
		t.Fatalf("err = %v, want PanicError{boom}", err)
	}
	if got := err.Error(); got != "wasm: internal error: boom" {
		t.Errorf("Error() = %q", got)
	}
}

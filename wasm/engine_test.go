package wasm

import "testing"

func TestEngineIsShared(t *testing.T) {
	a, b := engine(), engine()
	if a == nil || a != b {
		t.Fatalf("engine() = %p, %p; want one non-nil engine", a, b)
	}
}

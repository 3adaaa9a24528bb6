package wasm

import (
	"os"
	"testing"
)

func TestEngineIsShared(t *testing.T) {
	a, b := engine(), engine()
	if a == nil || a != b {
		t.Fatalf("engine() = %p, %p; want one non-nil engine", a, b)
	}
}

func TestPrewarm(t *testing.T) {
	Prewarm()
	Prewarm() // a second call does nothing
	if engine() == nil {
		t.Fatal("no engine after Prewarm")
	}
	if _, ok := os.LookupEnv("RUST_LIB_BACKTRACE"); !ok {
		t.Error("RUST_LIB_BACKTRACE is not set after Prewarm")
	}
}

package abi

import "testing"

// TestTrapFor checks the trap kind of every error code, and that codes
// beyond the known ones are generic.
func TestTrapFor(t *testing.T) {
	tests := []struct {
		code ErrorCode
		want TrapKind
	}{
		{ErrNone, TrapGeneric},
		{ErrOverflow, TrapOverflow},
		{ErrZeroDivision, TrapZeroDivision},
		{ErrIndex, TrapIndex},
		{ErrValue, TrapValue},
		{ErrAssertion, TrapAssertion},
		{ErrMemory, TrapMemory},
		{ErrUnsupported, TrapUnsupported},
		{ErrType, TrapType},
		{ErrInterrupt, TrapInterrupt},
		{10, TrapGeneric},
		{-1, TrapGeneric},
	}
	for _, tt := range tests {
		if got := TrapFor(tt.code); got != tt.want {
			t.Errorf("TrapFor(%d) = %v, want %v", tt.code, got.Name(), tt.want.Name())
		}
	}
}

// TestNames checks the names of value and trap kinds.
func TestNames(t *testing.T) {
	for k, want := range map[ValKind]string{KindI32: "i32", KindI64: "i64", KindF32: "f32", KindF64: "f64", KindOther: "other", 7: "other"} {
		if got := k.String(); got != want {
			t.Errorf("ValKind(%d) = %q, want %q", k, got, want)
		}
	}
	seen := map[string]bool{}
	for k := TrapKind(0); k < TrapKinds; k++ {
		n := k.Name()
		if n == "" || seen[n] {
			t.Errorf("TrapKind(%d) has name %q", k, n)
		}
		seen[n] = true
	}
	if TrapInterrupt != TrapKinds-1 || TrapKind(TrapKinds).Name() != "" || TrapKind(-1).Name() != "" {
		t.Errorf("trap kinds do not run from 0 to TrapKinds-1 = %d", TrapKinds-1)
	}
}

// FloatSumFor follows CPython's sum(): plain addition before 3.12,
// compensated from 3.12.
func TestFloatSumFor(t *testing.T) {
	for minor, want := range map[int]int32{10: FloatSumPlain, 11: FloatSumPlain, 12: FloatSumCompensated, 13: FloatSumCompensated, 14: FloatSumCompensated} {
		if got := FloatSumFor(minor); got != want {
			t.Errorf("FloatSumFor(%d) = %d, want %d", minor, got, want)
		}
	}
}

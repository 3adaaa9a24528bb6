package wasm

import (
	"errors"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
)

func TestTraps(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	tests := []struct {
		name string
		args []any
		kind TrapKind
		err  error
	}{
		{"div", []any{1, 0}, TrapZeroDivision, ErrZeroDivision},
		{"div", []any{int64(-1) << 63, -1}, TrapOverflow, ErrOverflow},
		{"recurse", []any{0}, TrapRecursion, ErrRecursion},
		{"fail", []any{1}, TrapOverflow, ErrOverflow},
		{"fail", []any{2}, TrapZeroDivision, ErrZeroDivision},
		{"fail", []any{3}, TrapIndex, ErrIndex},
		{"fail", []any{4}, TrapValue, ErrValue},
		{"fail", []any{5}, TrapAssertion, ErrAssertion},
		{"fail", []any{6}, TrapMemory, ErrMemory},
		{"fail", []any{7}, TrapUnsupported, ErrUnsupported},
		{"fail", []any{0}, TrapGeneric, ErrTrap},
		{"fail", []any{99}, TrapGeneric, ErrTrap},
		{"load", []any{1 << 20}, TrapGeneric, ErrTrap},
	}
	for _, tt := range tests {
		_, err := inst.Call(tt.name, tt.args...)
		var tr *Trap
		if !errors.As(err, &tr) || tr.Kind != tt.kind || !errors.Is(err, tt.err) {
			t.Errorf("Call(%s, %v) error = %v (%#v), want kind %v", tt.name, tt.args, err, tr, tt.kind)
			continue
		}
		// The instance stays usable after a trap.
		if got, err := inst.Call("add", 1, 2); err != nil || got[0] != int64(3) {
			t.Fatalf("after trap in %s: add = %v, %v", tt.name, got, err)
		}
	}
}

func TestGenericTrapMessage(t *testing.T) {
	inst := newTestInstance(t, bareWAT)
	_, err := inst.Call("boom")
	var tr *Trap
	if !errors.As(err, &tr) || tr.Kind != TrapGeneric || tr.Code != codeUnreachable {
		t.Fatalf("boom: %v (%#v)", err, tr)
	}
	msg := err.Error()
	for _, want := range []string{"boom", "wasm trap", "unreachable", "wasm backtrace", "0: <wasm function 0> @ 0x"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// Nothing of a Rust backtrace, whatever RUST_BACKTRACE says.
	if strings.Contains(msg, "Stack backtrace") || strings.Contains(tr.Message, "\n") {
		t.Errorf("message holds more than the trap: %q", msg)
	}
	if tr.CodeName != "unreachable" || tr.Message != "wasm `unreachable` instruction executed" {
		t.Errorf("CodeName %q, Message %q", tr.CodeName, tr.Message)
	}
}

func TestTrapBacktraceNames(t *testing.T) {
	inst := newTestInstance(t, `(module (func $inner unreachable) (func (export "outer") call $inner))`)
	_, err := inst.Call("outer")
	var tr *Trap
	if !errors.As(err, &tr) {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(tr.Backtrace), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "0: inner @ 0x") || !strings.Contains(lines[1], "1: ") {
		t.Errorf("backtrace %q", tr.Backtrace)
	}
}

func TestCodeNames(t *testing.T) {
	for code, want := range map[int]string{-1: "error", 0: "stack_overflow", 1: "memory_out_of_bounds",
		9: "unreachable", 10: "interrupt", 20: "disabled_opcode", 21: "unknown", 200: "unknown"} {
		if got := cCodeName(code); got != want {
			t.Errorf("code %d: %q, want %q", code, got, want)
		}
	}
}

func TestClassifyMatchesC(t *testing.T) {
	for code := -1; code < 40; code++ {
		for ml := int32(-1); ml < 10; ml++ {
			if g, c := classify(code, ml), cKindFor(code, ml); g != c {
				t.Errorf("code %d, ml %d: Go %v, C %v", code, ml, g, c)
			}
		}
	}
}

func TestTrapKinds(t *testing.T) {
	kinds := cTrapKinds()
	if len(kinds) != abi.TrapKinds {
		t.Errorf("cTrapKinds lists %d kinds, core/abi has %d", len(kinds), abi.TrapKinds)
	}
	for i, c := range kinds {
		if c != i {
			t.Errorf("C trap kind %d = %d; TrapKind %v = %d", i, c, TrapKind(i), i)
		}
	}
	if TrapNone.Err() != nil || TrapError.Err() != ErrTrap || TrapIndex.Err() != ErrIndex {
		t.Error("TrapKind.Err mapping")
	}
	if TrapZeroDivision.String() != "ZeroDivision" || TrapKind(42).String() != "TrapKind(42)" {
		t.Error("TrapKind.String")
	}
	tr := &Trap{Kind: TrapIndex}
	if tr.Error() != "index out of range" || errors.Is(tr, ErrValue) {
		t.Errorf("Trap{Index}: %q", tr.Error())
	}
}

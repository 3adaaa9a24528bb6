package wasm

import (
	"errors"
	"strings"
	"testing"
)

func TestInstantiateMissingImports(t *testing.T) {
	m, err := Compile(wat(t, importWAT))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := m.Instantiate()
	var mi *MissingImportsError
	if inst != nil || !errors.As(err, &mi) {
		t.Fatalf("Instantiate = %v, %v; want MissingImportsError", inst, err)
	}
	for _, want := range []string{"env.log (func)", "env.mem (memory)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func TestInstanceClose(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	f, err := inst.Func("add")
	if err != nil {
		t.Fatal(err)
	}
	if f.Ptr() == nil {
		t.Fatal("Ptr() = nil before Close")
	}
	inst.Close()
	inst.Close() // idempotent
	if !inst.Closed() || f.Ptr() != nil {
		t.Errorf("Closed() = %v, Ptr() = %v after Close", inst.Closed(), f.Ptr())
	}
	if _, err := inst.Call("add", 1, 2); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close: %v, want ErrClosed", err)
	}
	if _, err := inst.MemorySize(); !errors.Is(err, ErrClosed) {
		t.Errorf("MemorySize after Close: %v, want ErrClosed", err)
	}
	if tr := f.callSlots(make([]uint64, 4)); tr == nil || tr.Kind != TrapError {
		t.Errorf("callSlots after Close = %v, want a TrapError", tr)
	}
}

func TestInstanceFuncUnknown(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	_, err := inst.Func("nope")
	var ee *ExportError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "add, noop") {
		t.Errorf("Func(nope) error = %v, want ExportError listing exports", err)
	}
}

func TestInstancesAreIndependent(t *testing.T) {
	a := newTestInstance(t, testWAT)
	b := newTestInstance(t, testWAT)
	if err := a.MemoryWrite(0, []byte{42}); err != nil {
		t.Fatal(err)
	}
	got, err := b.MemoryRead(0, 1)
	if err != nil || got[0] != 0 {
		t.Errorf("b sees a's memory: %v, %v", got, err)
	}
}

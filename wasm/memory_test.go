package wasm

import (
	"bytes"
	"errors"
	"testing"
)

func TestMemory(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	size, err := inst.MemorySize()
	if err != nil || size != 65536 {
		t.Fatalf("MemorySize() = %d, %v; want 65536", size, err)
	}
	if err := inst.MemoryWrite(100, []byte{1, 2, 3, 4}); err != nil {
		t.Fatal(err)
	}
	got, err := inst.MemoryRead(100, 4)
	if err != nil || !bytes.Equal(got, []byte{1, 2, 3, 4}) {
		t.Fatalf("MemoryRead = %v, %v", got, err)
	}
	// The module sees what we wrote: load(100) reads little-endian i32.
	if r, err := inst.Call("load", 100); err != nil || r[0] != int32(0x04030201) {
		t.Errorf("load(100) = %v, %v", r, err)
	}
	if got, err := inst.MemoryRead(size, 0); err != nil || len(got) != 0 {
		t.Errorf("empty read at end: %v, %v", got, err)
	}
	bad := []struct{ off, n int }{{-1, 1}, {0, -1}, {size, 1}, {size - 1, 2}, {1 << 62, 1 << 62}, {0, size + 1}}
	for _, b := range bad {
		var re *MemoryRangeError
		if _, err := inst.MemoryRead(b.off, b.n); !errors.As(err, &re) {
			t.Errorf("MemoryRead(%d, %d) error = %v, want MemoryRangeError", b.off, b.n, err)
		}
		if b.n >= 0 && b.n < 1<<20 {
			if err := inst.MemoryWrite(b.off, make([]byte, b.n)); !errors.As(err, &re) {
				t.Errorf("MemoryWrite(%d, %d bytes) error = %v, want MemoryRangeError", b.off, b.n, err)
			}
		}
	}
}

func TestNoMemory(t *testing.T) {
	inst := newTestInstance(t, bareWAT)
	if _, err := inst.MemorySize(); !errors.Is(err, ErrNoMemory) {
		t.Errorf("MemorySize error = %v, want ErrNoMemory", err)
	}
	if _, err := inst.MemoryRead(0, 1); !errors.Is(err, ErrNoMemory) {
		t.Errorf("MemoryRead error = %v", err)
	}
	if err := inst.MemoryWrite(0, nil); !errors.Is(err, ErrNoMemory) {
		t.Errorf("MemoryWrite error = %v", err)
	}
}

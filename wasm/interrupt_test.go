package wasm

import (
	"errors"
	"testing"
	"time"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// pollWAT polls its interrupt word as generated modules do
// (core/wasmgen interrupt.go) and exports it under abi.InterruptExport.
const pollWAT = `(module
  (memory (export "memory") 1)
  (global $err (mut i32) (i32.const 0))
  (global (export "__ml_interrupt") i32 (i32.const 8))
  (func (export "__ml_error") (result i32) global.get $err)
  (func (export "spin")
    (loop
      (if (i32.atomic.load offset=8 (i32.const 0))
        (then (global.set $err (i32.const 9)) unreachable))
      br 0))
  (func (export "word") (result i32) (i32.load offset=8 (i32.const 0))))`

// startWAT loops forever in its start function.
const startWAT = `(module
  (func $s (loop br 0))
  (start $s)
  (func (export "f") (result i32) i32.const 1))`

func TestCPointers(t *testing.T) {
	cfg := wasmtime.NewConfig()
	defer cfg.Close()
	store := wasmtime.NewStore(engine())
	defer store.Close()
	for _, obj := range []any{cfg, engine(), store} {
		if cPointer(obj) == nil {
			t.Errorf("cPointer(%T) = nil", obj)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("cPointer of a type without _ptr did not panic")
		}
	}()
	cPointer(&struct{ x int }{})
}

// interruptAfter calls deliverInterrupt after d, from another goroutine.
func interruptAfter(d time.Duration) {
	go func() {
		time.Sleep(d)
		deliverInterrupt()
	}()
}

// TestInterruptPolledWord stops a module that polls its interrupt word,
// compiled without epoch checks, and then calls it again.
func TestInterruptPolledWord(t *testing.T) {
	m, _, err := LoadMode(wat(t, pollWAT), Fast)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := m.Instantiate()
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	if inst.word != 8 {
		t.Fatalf("interrupt word at %d, want 8", inst.word)
	}
	disarm := armInterrupt(inst)
	interruptAfter(20 * time.Millisecond)
	_, err = inst.Call("spin")
	hit := disarm()
	var tr *Trap
	if !errors.As(err, &tr) || tr.Kind != TrapInterrupt || !errors.Is(err, ErrInterrupted) || !hit {
		t.Fatalf("spin: %v (%#v), hit %v; want an interrupt", err, tr, hit)
	}
	// Arming clears the word again.
	disarm = armInterrupt(inst)
	got, err := inst.Call("word")
	disarm()
	if err != nil || got[0] != int32(0) {
		t.Errorf("word after arming = %v, %v", got, err)
	}
}

// TestInterruptEpoch stops a module that knows nothing of interrupt words
// through the interruptible engine's epoch and the deadline callback; a
// call that is not armed (another thread's) is not stopped.
func TestInterruptEpoch(t *testing.T) {
	inst := newTestInstance(t, loopWAT)
	disarm := armInterrupt(inst)
	interruptAfter(20 * time.Millisecond)
	start := time.Now()
	_, err := inst.Call("spin")
	hit := disarm()
	if !errors.Is(err, ErrInterrupted) || !hit {
		t.Fatalf("spin: %v, hit %v; want an interrupt", err, hit)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %v", d)
	}
	// Not armed: the epoch moves but the call runs on, to its time limit.
	interruptAfter(5 * time.Millisecond)
	_, err = inst.CallTimeout(60*time.Millisecond, "spin")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("unarmed spin with a time limit: %v, want a timeout", err)
	}
	if got, err := inst.Call("count", int64(10)); err != nil || got[0] != int64(0) {
		t.Errorf("count after the interrupt = %v, %v", got, err)
	}
}

// TestInstantiateWithin stops a start function that loops forever, at a
// time limit or on SIGINT.
func TestInstantiateWithin(t *testing.T) {
	m, err := Compile(wat(t, startWAT))
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := m.NewTemplate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tpl.Close()
	start := time.Now()
	_, err = tpl.InstantiateWithin(30 * time.Millisecond)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("InstantiateWithin: %v, want a timeout", err)
	}
	if d := time.Since(start); d < 30*time.Millisecond || d > 5*time.Second {
		t.Errorf("timed out after %v", d)
	}
	disarm := armInterrupt(nil)
	interruptAfter(20 * time.Millisecond)
	_, err = tpl.Instantiate()
	hit := disarm()
	if !errors.Is(err, ErrInterrupted) || !hit {
		t.Fatalf("Instantiate: %v, hit %v; want an interrupt", err, hit)
	}
	fast, _, err := LoadMode(wat(t, startWAT), Fast)
	if err != nil {
		t.Fatal(err)
	}
	ft, err := fast.NewTemplate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ft.Close()
	if _, err := ft.InstantiateWithin(time.Second); !errors.Is(err, ErrNotInterruptible) {
		t.Errorf("InstantiateWithin on a fast module: %v", err)
	}
}

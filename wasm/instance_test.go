package wasm

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"unsafe"
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

// hostWAT imports two functions and calls them.
const hostWAT = `(module
  (import "env" "scale" (func $scale (param i64 f64) (result f64)))
  (import "env" "fail" (func $fail (param i32)))
  (func (export "run") (param i64) (result f64) local.get 0 f64.const 0.5 call $scale)
  (func (export "boom") i32.const 7 call $fail))`

func TestTemplateHostFunctions(t *testing.T) {
	m, err := Compile(wat(t, hostWAT))
	if err != nil {
		t.Fatal(err)
	}
	var seen []uint64
	tpl, err := m.NewTemplate(Options{Imports: map[ImportName]HostFunc{
		{"env", "scale"}: func(args, results []uint64) error {
			seen = append(seen, args...)
			results[0] = math.Float64bits(float64(int64(args[0])) * math.Float64frombits(args[1]))
			return nil
		},
		{"env", "fail"}: func(args, results []uint64) error {
			return fmt.Errorf("host refuses %d", int32(args[0]))
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer tpl.Close()
	for range 2 { // one template, several instances
		inst, err := tpl.Instantiate()
		if err != nil {
			t.Fatal(err)
		}
		got, err := inst.Call("run", int64(-6))
		if err != nil || got[0] != -3.0 {
			t.Errorf("run(-6) = %v, %v", got, err)
		}
		_, err = inst.Call("boom")
		var tr *Trap
		if !errors.As(err, &tr) || !strings.Contains(tr.Message, "host refuses 7") {
			t.Errorf("boom: %v", err)
		}
		inst.Close()
	}
	if len(seen) != 4 || int64(seen[0]) != -6 || math.Float64frombits(seen[1]) != 0.5 {
		t.Errorf("host saw %v", seen)
	}
}

func TestTemplateImportErrors(t *testing.T) {
	m, err := Compile(wat(t, hostWAT))
	if err != nil {
		t.Fatal(err)
	}
	ok := func(args, results []uint64) error { return nil }
	_, err = m.NewTemplate(Options{Imports: map[ImportName]HostFunc{{"env", "scale"}: ok}})
	var mi *MissingImportsError
	if !errors.As(err, &mi) || len(mi.Imports) != 1 || mi.Imports[0].Name != "fail" {
		t.Errorf("one import missing: %v", err)
	}
	_, err = m.NewTemplate(Options{Imports: map[ImportName]HostFunc{
		{"env", "scale"}: ok, {"env", "fail"}: ok, {"env", "typo"}: ok}})
	var ie *ImportError
	if !errors.As(err, &ie) || ie.Name != "typo" || !strings.Contains(err.Error(), "does not import") {
		t.Errorf("extra import: %v", err)
	}
	mem, err := Compile(wat(t, importWAT))
	if err != nil {
		t.Fatal(err)
	}
	_, err = mem.NewTemplate(Options{Imports: map[ImportName]HostFunc{{"env", "log"}: ok}})
	if !errors.As(err, &mi) || len(mi.Imports) != 1 || mi.Imports[0].Kind != "memory" {
		t.Errorf("imported memory: %v", err)
	}
}

// growWAT grows its memory by n pages and returns memory.grow's answer.
const growWAT = `(module (memory (export "memory") 1)
  (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))`

func TestMemoryLimit(t *testing.T) {
	m, err := Compile(wat(t, growWAT))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		limit int64
		pages int32
		want  int32
	}{
		{0, 4095, 1},         // the default, 256 MiB, holds 4096 pages
		{0, 4096, -1},        // one page too many
		{4 * 65536, 3, 1},    // 4 pages
		{4 * 65536, 4, -1},   //
		{-1, 8000, 1},        // no limit
		{65536 + 100, 1, -1}, // limits round down to whole pages
	}
	for _, tt := range tests {
		tpl, err := m.NewTemplate(Options{MemoryLimit: tt.limit})
		if err != nil {
			t.Fatal(err)
		}
		inst, err := tpl.Instantiate()
		tpl.Close()
		if err != nil {
			t.Fatal(err)
		}
		got, err := inst.Call("grow", tt.pages)
		if err != nil || got[0] != tt.want {
			t.Errorf("limit %d, grow(%d) = %v, %v; want %d", tt.limit, tt.pages, got, err, tt.want)
		}
		inst.Close()
	}
	big, err := Compile(wat(t, `(module (memory (export "memory") 20))`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = big.NewTemplate(Options{MemoryLimit: 10 * 65536})
	var le *MemoryLimitError
	if !errors.As(err, &le) || le.Need != 20*65536 {
		t.Errorf("memory above the limit: %v", err)
	}
}

func TestCInstance(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	for i, e := range inst.Module().Exports() {
		f, _ := inst.Func(e.Name)
		if inst.cFuncAt(i) != f.Ptr() {
			t.Errorf("ml_instance funcs[%d] is not %s", i, e.Name)
		}
	}
	if err := inst.MemoryWrite(10, []byte{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	base, size := inst.cMemory()
	if size != 65536 || base == nil {
		t.Fatalf("C sees memory %v of %d bytes", base, size)
	}
	if got := unsafe.Slice((*byte)(base), size)[10:13]; !reflect.DeepEqual(got, []byte{1, 2, 3}) {
		t.Errorf("C reads %v", got)
	}
	bare := newTestInstance(t, bareWAT)
	if base, size := bare.cMemory(); base != nil || size != 0 {
		t.Errorf("no memory: C sees %v, %d", base, size)
	}
	if inst.Ptr() == nil {
		t.Error("Ptr() = nil")
	}
	inst.Close()
	if inst.Ptr() != nil {
		t.Error("Ptr() after Close")
	}
}

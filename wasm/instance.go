package wasm

// #include <stdlib.h>
// #include "fastcall.h"
import "C"

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unsafe"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
)

// Names of the exports generated modules share with the runtime.
const (
	memoryExport    = abi.MemoryExport
	errorExport     = abi.ErrorExport
	interruptExport = abi.InterruptExport
)

// DefaultMemoryLimit is the most linear memory an instance may have when
// Options.MemoryLimit is 0: 256 MiB.
const DefaultMemoryLimit = 256 << 20

// ErrClosed is returned by every method of a closed Instance or Template.
var ErrClosed = errors.New("wasm: instance is closed")

// ErrNotInterruptible is returned for a call with a time limit on a Fast
// module, whose code cannot be interrupted (LoadMode).
var ErrNotInterruptible = errors.New("wasm: the module was loaded in fast mode, without interruption: its calls cannot have a time limit")

// A MissingImportsError reports imports that no host function supplies.
type MissingImportsError struct {
	Imports []Import
}

// Error names every missing import as module.name (kind).
func (e *MissingImportsError) Error() string {
	parts := make([]string, len(e.Imports))
	for i, im := range e.Imports {
		parts[i] = fmt.Sprintf("%s.%s (%s)", im.Module, im.Name, im.Kind)
	}
	return "wasm: cannot instantiate, missing imports: " + strings.Join(parts, ", ")
}

// An ImportError reports a host function the module does not import, or
// one whose import cannot be supplied from Go.
type ImportError struct {
	Module, Name string
	Msg          string
}

// Error names the import and the problem.
func (e *ImportError) Error() string {
	return fmt.Sprintf("wasm: import %s.%s: %s", e.Module, e.Name, e.Msg)
}

// A MemoryLimitError reports a module whose memory starts larger than the
// limit allows.
type MemoryLimitError struct {
	Need, Limit int64
}

// Error gives both sizes.
func (e *MemoryLimitError) Error() string {
	return fmt.Sprintf("wasm: the module's memory starts at %d bytes, above the limit of %d bytes",
		e.Need, e.Limit)
}

// An ExportError reports a call to a function the module does not export.
type ExportError struct {
	Name    string
	Exports []string // the exported function names
}

// Error names the missing export and lists the real ones.
func (e *ExportError) Error() string {
	return fmt.Sprintf("wasm: no exported function %q (exports: %s)", e.Name, strings.Join(e.Exports, ", "))
}

// An ImportName is the two-level name of an import.
type ImportName struct {
	Module, Name string
}

// A HostFunc implements an imported function in Go. args holds the raw
// bits of the arguments and results receives those of the results, one
// word per value, encoded like wasmtime_val_raw_t: i32 and f32 in the low
// 32 bits. A non-nil error traps the WebAssembly call; its message becomes
// the trap's.
type HostFunc func(args, results []uint64) error

// Options configure the instances of a Template.
type Options struct {
	// MemoryLimit caps the linear memory of each instance, in bytes: 0
	// means DefaultMemoryLimit, a negative value no limit. memory.grow
	// beyond it returns -1 (generated modules then trap with ErrMemory).
	MemoryLimit int64
	// Imports supplies every function the module imports.
	Imports map[ImportName]HostFunc
}

// A Template is a module with its imports resolved and its limits set,
// ready to be instantiated any number of times (one instance per thread,
// say). It is safe for concurrent use; Close releases it.
type Template struct {
	module   *Module
	linker   *wasmtime.Linker
	memLimit int64
}

// NewTemplate checks opts against the module's imports: every import must
// be a function supplied by opts.Imports (else *MissingImportsError) and
// every supplied function must be imported with numeric types (else
// *ImportError). A memory that starts above the limit gives
// *MemoryLimitError.
func (m *Module) NewTemplate(opts Options) (t *Template, err error) {
	defer recoverTo(&err)
	limit := opts.MemoryLimit
	if limit == 0 {
		limit = DefaultMemoryLimit
	}
	if limit > 0 && m.minMem > limit {
		return nil, &MemoryLimitError{Need: m.minMem, Limit: limit}
	}
	var missing []Import
	used := make(map[ImportName]bool, len(opts.Imports))
	for _, im := range m.imports {
		key := ImportName{im.Module, im.Name}
		if im.Kind != "func" || opts.Imports[key] == nil {
			missing = append(missing, im)
			continue
		}
		used[key] = true
	}
	if len(missing) > 0 {
		return nil, &MissingImportsError{Imports: missing}
	}
	var extra []ImportName
	for key := range opts.Imports {
		if !used[key] {
			extra = append(extra, key)
		}
	}
	if len(extra) > 0 {
		sort.Slice(extra, func(i, j int) bool {
			return extra[i].Module+"\x00"+extra[i].Name < extra[j].Module+"\x00"+extra[j].Name
		})
		return nil, &ImportError{Module: extra[0].Module, Name: extra[0].Name, Msg: "the module does not import it"}
	}
	t = &Template{module: m, memLimit: limit}
	if len(m.imports) > 0 {
		t.linker = wasmtime.NewLinker(engineFor(m.mode))
		for _, im := range m.imports {
			if err := t.define(im, opts.Imports[ImportName{im.Module, im.Name}]); err != nil {
				t.Close()
				return nil, err
			}
		}
	}
	return t, nil
}

// define adds host function f for import im to the template's linker.
func (t *Template) define(im Import, f HostFunc) error {
	params, ok1 := valTypes(im.Params)
	results, ok2 := valTypes(im.Results)
	if !ok1 || !ok2 {
		return &ImportError{Module: im.Module, Name: im.Name, Msg: "only numeric types can cross to a host function"}
	}
	pk, rk := im.Params, im.Results
	cb := func(_ *wasmtime.Caller, args []wasmtime.Val) ([]wasmtime.Val, *wasmtime.Trap) {
		raw := make([]uint64, len(args)+len(rk))
		for i, a := range args {
			raw[i] = rawOf(a, pk[i])
		}
		out := raw[len(args):]
		if err := f(raw[:len(args)], out); err != nil {
			return nil, wasmtime.NewTrap(err.Error())
		}
		res := make([]wasmtime.Val, len(rk))
		for i, k := range rk {
			res[i] = valOf(out[i], k)
		}
		return res, nil
	}
	if err := t.linker.FuncNew(im.Module, im.Name, wasmtime.NewFuncType(params, results), cb); err != nil {
		return &ImportError{Module: im.Module, Name: im.Name, Msg: err.Error()}
	}
	return nil
}

// valTypes converts numeric kinds to wasmtime value types.
func valTypes(ks []ValKind) ([]*wasmtime.ValType, bool) {
	out := make([]*wasmtime.ValType, len(ks))
	for i, k := range ks {
		switch k {
		case KindI32:
			out[i] = wasmtime.NewValType(wasmtime.KindI32)
		case KindI64:
			out[i] = wasmtime.NewValType(wasmtime.KindI64)
		case KindF32:
			out[i] = wasmtime.NewValType(wasmtime.KindF32)
		case KindF64:
			out[i] = wasmtime.NewValType(wasmtime.KindF64)
		default:
			return nil, false
		}
	}
	return out, true
}

// rawOf returns the raw bits of v, a value of kind k.
func rawOf(v wasmtime.Val, k ValKind) uint64 {
	switch k {
	case KindI32:
		return uint64(uint32(v.I32()))
	case KindI64:
		return uint64(v.I64())
	case KindF32:
		return uint64(math.Float32bits(v.F32()))
	}
	return math.Float64bits(v.F64())
}

// valOf returns the value of kind k whose raw bits are w.
func valOf(w uint64, k ValKind) wasmtime.Val {
	switch k {
	case KindI32:
		return wasmtime.ValI32(int32(uint32(w)))
	case KindI64:
		return wasmtime.ValI64(int64(w))
	case KindF32:
		return wasmtime.ValF32(math.Float32frombits(uint32(w)))
	}
	return wasmtime.ValF64(math.Float64frombits(w))
}

// Module returns the module t instantiates.
func (t *Template) Module() *Module { return t.module }

// MemoryLimit returns the memory limit of t's instances in bytes, or a
// negative number for none.
func (t *Template) MemoryLimit() int64 { return t.memLimit }

// Close releases the template's linker. Instances made from it stay
// usable. It is idempotent.
func (t *Template) Close() {
	if t.linker != nil {
		t.linker.Close()
		t.linker = nil
	}
}

// An Instance is one instantiated module in its own Wasmtime store. It is
// not safe for concurrent use; Close releases it.
type Instance struct {
	module *Module
	store  *wasmtime.Store
	inst   *wasmtime.Instance
	funcs  map[string]*FastFunc
	mem    *wasmtime.Memory
	c      *cInstance
	state  *C.ml_store_state // shared with C and the epoch callback
	word   int32             // address of the interrupt word, or -1
}

// Instantiate creates a new store and an instance of m in it, with the
// default options (no imports, DefaultMemoryLimit).
func (m *Module) Instantiate() (*Instance, error) {
	t, err := m.NewTemplate(Options{})
	if err != nil {
		return nil, err
	}
	defer t.Close()
	return t.Instantiate()
}

// Instantiate creates a new store with t's limits and an instance of its
// module in it, and prepares a FastFunc for every exported function.
// Instantiating never runs the program's top-level statements; it runs
// the module's start function, if it has one.
func (t *Template) Instantiate() (*Instance, error) { return t.InstantiateWithin(0) }

// InstantiateWithin is Instantiate with a time limit d for the module's
// start function (none when d <= 0): past it, instantiating fails with an
// error matching ErrTimeout. On the main thread of a Python process a
// SIGINT stops it too (an error matching ErrInterrupted) when the caller
// armed an interrupt target (fastcall.h). Both need the Interruptible
// mode; a time limit on a Fast module gives ErrNotInterruptible.
func (t *Template) InstantiateWithin(d time.Duration) (inst *Instance, err error) {
	defer recoverTo(&err)
	m := t.module
	if len(m.imports) > 0 && t.linker == nil {
		return nil, ErrClosed
	}
	if d > 0 && m.mode == Fast {
		return nil, ErrNotInterruptible
	}
	state := (*C.ml_store_state)(C.calloc(1, C.sizeof_ml_store_state))
	if state == nil {
		panic("wasm: out of C memory")
	}
	store := wasmtime.NewStore(engineFor(m.mode))
	if m.mode == Interruptible {
		C.ml_store_watch(cPointer(store), state)
		store.SetEpochDeadline(1) // the callback extends it one tick at a time
	}
	if t.memLimit > 0 {
		store.Limiter(t.memLimit, -1, -1, -1, -1)
	}
	if d > 0 {
		AcquireTicker()
		state.deadline_ns = C.int64_t(int64(C.ml_now_ns()) + int64(min(d, time.Duration(math.MaxInt64/4))))
	}
	var wi *wasmtime.Instance
	if t.linker != nil {
		wi, err = t.linker.Instantiate(store, m.mod)
	} else {
		wi, err = wasmtime.NewInstance(store, m.mod, nil)
	}
	if d > 0 {
		ReleaseTicker()
		state.deadline_ns = 0
	}
	switch {
	case err != nil && state.stop == C.ML_STOP_TIMEOUT:
		err = fmt.Errorf("the start function ran longer than its time limit (%v): %w", d, ErrTimeout)
	case err != nil && state.stop == C.ML_STOP_INTERRUPT:
		err = fmt.Errorf("the start function was interrupted: %w", ErrInterrupted)
	case err == nil:
		err = BindHost(store, wi)
	}
	if err != nil {
		store.Close()
		C.free(unsafe.Pointer(state))
		return nil, fmt.Errorf("wasm: instantiate: %w", err)
	}
	inst = &Instance{module: m, store: store, inst: wi, funcs: make(map[string]*FastFunc, len(m.exports)),
		state: state, word: -1}
	for _, e := range m.exports {
		if f := wi.GetFunc(store, e.Name); f != nil {
			inst.funcs[e.Name] = newFastFunc(store, f, e, state)
		}
	}
	if ef := inst.funcs[errorExport]; ef != nil && len(ef.export.Params) == 0 &&
		len(ef.export.Results) == 1 && ef.export.Results[0] == KindI32 {
		for _, f := range inst.funcs {
			f.setErrorFunc(ef)
		}
	}
	if m.memory {
		if ext := wi.GetExport(store, memoryExport); ext != nil {
			inst.mem = ext.Memory()
		}
	}
	inst.word = interruptWord(store, wi, inst.mem)
	inst.c = newCInstance(inst)
	return inst, nil
}

// interruptWord returns the address of the interrupt word that the
// module's code polls (abi.InterruptExport: an immutable i32 global
// holding it, inside the exported memory's first page), or -1 for none.
func interruptWord(store *wasmtime.Store, wi *wasmtime.Instance, mem *wasmtime.Memory) int32 {
	ext := wi.GetExport(store, interruptExport)
	if ext == nil || mem == nil {
		return -1
	}
	g := ext.Global()
	if g == nil || g.Type(store).Mutable() || g.Type(store).Content().Kind() != wasmtime.KindI32 {
		return -1
	}
	addr := g.Get(store).I32()
	if addr < 0 || addr%4 != 0 || uint64(addr)+4 > uint64(mem.DataSize(store)) {
		return -1
	}
	return addr
}

// Module returns the module inst was created from.
func (inst *Instance) Module() *Module { return inst.module }

// Close frees the prepared functions and the store. It is idempotent.
// Pointers from FastFunc.Ptr and Instance.Ptr are invalid afterwards.
func (inst *Instance) Close() {
	if inst.store == nil {
		return
	}
	inst.c.free()
	inst.c = nil
	for _, f := range inst.funcs {
		f.free()
	}
	inst.funcs = nil
	inst.mem = nil
	inst.inst = nil
	inst.store.Close()
	inst.store = nil
	C.free(unsafe.Pointer(inst.state))
	inst.state = nil
}

// Closed reports whether Close was called.
func (inst *Instance) Closed() bool { return inst.store == nil }

// Func returns the prepared exported function called name.
func (inst *Instance) Func(name string) (*FastFunc, error) {
	if inst.store == nil {
		return nil, ErrClosed
	}
	f := inst.funcs[name]
	if f == nil {
		names := make([]string, len(inst.module.exports))
		for i, e := range inst.module.exports {
			names[i] = e.Name
		}
		return nil, &ExportError{Name: name, Exports: names}
	}
	return f, nil
}

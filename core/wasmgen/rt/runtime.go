package rt

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/emit"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// The allocator's globals: the first ones after emit.ErrGlobal, added by
// UseHeap before any other.
const (
	heapGlobal   = 1 // next free byte
	argTopGlobal = 2 // end of the arguments the host allocated, or the arena's start
)

// A Runtime is the runtime of one module under construction: the helper
// functions built so far (each once, appended to the module on first
// request), the globals and static data they need, and the features the
// module uses (the arena, strings, the host table).
type Runtime struct {
	mod     *wasmbin.Module
	helpers map[string]uint32 // function index of each helper built
	heap    bool              // the allocator's globals exist
	// strs holds the address of each static string; nil until strings
	// are used.
	strs map[string]uint32
	// posGlobal is the first of three globals remembering the last
	// character position __ml_str_pos found (string, index, byte offset).
	posGlobal uint32
	data      []byte // the static strings, laid out from abi.HeapBase
	// tables holds the address of each constant table (tables.go).
	tables map[string]uint32
}

// New returns the runtime of m, a module that has only the error global
// so far; helpers are appended to m.Funcs as they are requested.
func New(m *wasmbin.Module) *Runtime {
	return &Runtime{mod: m, helpers: make(map[string]uint32)}
}

// A fn is a helper being built: the builder of its body and the runtime,
// for the helpers it calls.
type fn struct {
	*emit.Builder
	r *Runtime
}

// helper returns the index of the helper name, building it with build on
// first request. Its index is taken before it is built, so the helpers it
// calls come after it.
func (r *Runtime) helper(name string, build func(*fn)) uint32 {
	if idx, ok := r.helpers[name]; ok {
		return idx
	}
	f := &wasmbin.Func{Name: name}
	idx := uint32(len(r.mod.Funcs))
	r.helpers[name] = idx
	r.mod.Funcs = append(r.mod.Funcs, f)
	build(&fn{Builder: emit.New(f), r: r})
	return idx
}

// signature sets the helper's parameters (with their names) and results.
func (h *fn) signature(params []wasmbin.ValType, names []string, results ...wasmbin.ValType) {
	h.F.Type = wasmbin.FuncType{Params: params, Results: results}
	h.F.ParamNames = names
}

// UseHeap gives the module the allocator's globals, once. It must come
// before any other global is added after the error global.
func (r *Runtime) UseHeap() {
	if r.heap {
		return
	}
	if len(r.mod.Globals) != heapGlobal {
		panic(fmt.Sprintf("rt: the allocator's globals must follow the error global, not %d globals", len(r.mod.Globals)))
	}
	r.heap = true
	r.mod.Globals = append(r.mod.Globals,
		&wasmbin.Global{Name: "__ml_heap", Type: wasmbin.I32, Mutable: true, Init: abi.HeapBase},
		&wasmbin.Global{Name: "__ml_argtop", Type: wasmbin.I32, Mutable: true, Init: abi.HeapBase})
}

// HeapGlobal returns the index of the allocator's global that holds the
// next free byte of the arena, giving the module the allocator.
func (r *Runtime) HeapGlobal() uint32 {
	r.UseHeap()
	return heapGlobal
}

// Heap reports whether the module has the allocator.
func (r *Runtime) Heap() bool { return r.heap }

// HeapBase is where the arena starts: after the static strings.
func (r *Runtime) HeapBase() int64 { return int64(abi.HeapBase + len(r.data)) }

// Finish places the static strings in the module: one data segment,
// enough initial memory to hold it, and the allocator's globals starting
// after it. It runs once, after every function is built.
func (r *Runtime) Finish() {
	if len(r.data) == 0 {
		return
	}
	r.mod.Data = []wasmbin.DataSegment{{Offset: abi.HeapBase, Bytes: r.data}}
	if pages := uint32((r.HeapBase() + 65535) / 65536); pages > r.mod.MemoryPages {
		r.mod.MemoryPages = pages
	}
	for _, gl := range r.mod.Globals[heapGlobal : argTopGlobal+1] {
		gl.Init = r.HeapBase()
	}
}

// WrapExports gives a module that allocates its arena discipline: each of
// its first n functions (the compiled ones) is exported through a wrapper
// that resets the allocator to the end of the host's arguments (core/abi),
// forgets the last string position found, and calls it; the function
// itself is renamed name.impl and called directly by compiled code, so
// that internal calls do not reset the arena. It also adds the exports
// __ml_alloc (abi.AllocExport) and __ml_reset (abi.ResetExport).
func (r *Runtime) WrapExports(n int) {
	for i := 0; i < n; i++ {
		impl := r.mod.Funcs[i]
		w := &wasmbin.Func{Name: impl.Name, Export: true, Type: impl.Type, ParamNames: impl.ParamNames}
		impl.Name += ".impl"
		impl.Export = false
		w.Body = []wasmbin.Instr{
			{Op: wasmbin.OpGlobalGet, Imm: argTopGlobal}, {Op: wasmbin.OpGlobalSet, Imm: heapGlobal},
			{Op: wasmbin.OpI32Const, Imm: r.HeapBase()}, {Op: wasmbin.OpGlobalSet, Imm: argTopGlobal},
		}
		if r.strs != nil {
			// addresses are reused from call to call: forget the last
			// position __ml_str_pos found
			w.Body = append(w.Body, wasmbin.Instr{Op: wasmbin.OpI32Const, Imm: 0}, wasmbin.Instr{Op: wasmbin.OpGlobalSet, Imm: int64(r.posGlobal)})
		}
		for j := range impl.Type.Params {
			w.Body = append(w.Body, wasmbin.Instr{Op: wasmbin.OpLocalGet, Imm: int64(j)})
		}
		w.Body = append(w.Body, wasmbin.Instr{Op: wasmbin.OpCall, Imm: int64(i)})
		r.mod.Funcs = append(r.mod.Funcs, w)
	}
	alloc := r.helper(abi.AllocExport, func(h *fn) {
		h.signature(i32s(1), []string{"nbytes"}, wasmbin.I32)
		h.Get(0)
		h.Emit(wasmbin.OpI64ExtendI32U)
		h.Call(r.NewBytes())
		h.EmitImm(wasmbin.OpGlobalGet, heapGlobal)
		h.EmitImm(wasmbin.OpGlobalSet, argTopGlobal)
	})
	reset := r.helper(abi.ResetExport, func(h *fn) {
		h.I32(int32(r.HeapBase()))
		h.EmitImm(wasmbin.OpGlobalSet, heapGlobal)
		h.I32(int32(r.HeapBase()))
		h.EmitImm(wasmbin.OpGlobalSet, argTopGlobal)
	})
	r.mod.Funcs[alloc].Export = true
	r.mod.Funcs[reset].Export = true
}

// i32s returns n i32 value types.
func i32s(n int) []wasmbin.ValType {
	v := make([]wasmbin.ValType, n)
	for i := range v {
		v[i] = wasmbin.I32
	}
	return v
}

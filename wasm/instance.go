package wasm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// Names of the exports generated modules share with the runtime.
const (
	memoryExport = wasmgen.MemoryExport
	errorExport  = wasmgen.ErrorExport
)

// ErrClosed is returned by every method of a closed Instance.
var ErrClosed = errors.New("wasm: instance is closed")

// A MissingImportsError reports a module that needs imports; host
// functions are not supported yet.
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

// An ExportError reports a call to a function the module does not export.
type ExportError struct {
	Name    string
	Exports []string // the exported function names
}

// Error names the missing export and lists the real ones.
func (e *ExportError) Error() string {
	return fmt.Sprintf("wasm: no exported function %q (exports: %s)", e.Name, strings.Join(e.Exports, ", "))
}

// An Instance is one instantiated module in its own Wasmtime store. It is
// not safe for concurrent use; Close releases it.
type Instance struct {
	module *Module
	store  *wasmtime.Store
	inst   *wasmtime.Instance
	funcs  map[string]*FastFunc
	mem    *wasmtime.Memory
}

// Instantiate creates a new store and an instance of m in it, and prepares
// a FastFunc for every exported function. Instantiating never runs the
// program's top-level statements.
func (m *Module) Instantiate() (inst *Instance, err error) {
	defer recoverTo(&err)
	if len(m.imports) > 0 {
		return nil, &MissingImportsError{Imports: m.imports}
	}
	store := wasmtime.NewStore(engine())
	wi, err := wasmtime.NewInstance(store, m.mod, nil)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("wasm: instantiate: %w", err)
	}
	inst = &Instance{module: m, store: store, inst: wi, funcs: make(map[string]*FastFunc, len(m.exports))}
	for _, e := range m.exports {
		if f := wi.GetFunc(store, e.Name); f != nil {
			inst.funcs[e.Name] = newFastFunc(store, f, e)
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
	return inst, nil
}

// Module returns the module inst was created from.
func (inst *Instance) Module() *Module { return inst.module }

// Close frees the prepared functions and the store. It is idempotent.
// Pointers from FastFunc.Ptr are invalid afterwards.
func (inst *Instance) Close() {
	if inst.store == nil {
		return
	}
	for _, f := range inst.funcs {
		f.free()
	}
	inst.funcs = nil
	inst.mem = nil
	inst.inst = nil
	inst.store.Close()
	inst.store = nil
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

package wasm

import (
	"github.com/bytecodealliance/wasmtime-go/v39"
)

// A Module is a compiled WebAssembly module. It is immutable and may be
// instantiated any number of times, from any goroutine.
type Module struct {
	mod     *wasmtime.Module
	wasm    []byte // a private copy of the bytes it was compiled from
	exports []FuncExport
	imports []Import
	memory  bool  // exports a memory named "memory"
	minMem  int64 // bytes the exported memory starts with
	mode    Mode  // the engine it is compiled for
}

// Mode returns the engine the module is compiled for: calls of a Fast
// module cannot have a time limit.
func (m *Module) Mode() Mode { return m.mode }

// A FuncExport is an exported function with its signature.
type FuncExport struct {
	Name    string
	Params  []ValKind
	Results []ValKind
	// Bounded reports that a call certainly runs only briefly and calls no
	// host function (bounded.go: no loop, no recursion, no indirect call,
	// no memory.grow, at most a few thousand instructions), so that
	// callers may keep the GIL during it.
	Bounded bool
}

// An Import is one import a module needs: module and field name, the kind
// of extern ("func", "memory", "table", "global") and, for functions, the
// signature.
type Import struct {
	Module  string
	Name    string
	Kind    string
	Params  []ValKind // functions only
	Results []ValKind // functions only
}

// compileModule compiles wasm with the process's engine of mode; invalid
// bytes give a *CompileError.
func compileModule(wasm []byte, mode Mode) (*wasmtime.Module, error) {
	mod, err := wasmtime.NewModule(engineFor(mode), wasm)
	if err != nil {
		return nil, &CompileError{Msg: err.Error()}
	}
	return mod, nil
}

// wrapModule records the exports and imports of a compiled module, and
// which exports are bounded according to an analysis of wasm, the bytes
// mod was compiled from. The Module keeps a copy of wasm.
func wrapModule(mod *wasmtime.Module, wasm []byte) *Module {
	return wrapAnalyzed(mod, analyzeNow(wasm))
}

// wrapAnalyzed is wrapModule given the analysis of the bytes, which it
// waits for; the Module keeps the analysis's copy of the bytes. The
// decoder (interface.go) lists the exports and imports when it can vouch
// for them, Wasmtime otherwise.
func wrapAnalyzed(mod *wasmtime.Module, a *analysis) *Module {
	a.wait()
	iface := a.iface
	if iface == nil {
		iface = wasmtimeInterface(mod, a.bounded)
	}
	m := &Module{mod: mod, wasm: a.wasm, exports: iface.exports, imports: iface.imports,
		memory: iface.memory, minMem: iface.minMem}
	if n := m.funcImports(); n != a.funcImports {
		// The analysis read the imports differently from Wasmtime: trust
		// none of its answers.
		for i := range m.exports {
			m.exports[i].Bounded = false
		}
	}
	return m
}

// wasmtimeInterface asks Wasmtime for the exports and imports of mod,
// marking the exports named in bounded.
func wasmtimeInterface(mod *wasmtime.Module, bounded map[string]bool) *moduleInterface {
	iface := &moduleInterface{}
	for _, e := range mod.Exports() {
		ty := e.Type()
		if ft := ty.FuncType(); ft != nil {
			iface.exports = append(iface.exports, FuncExport{
				Name:    e.Name(),
				Params:  kindsOf(ft.Params()),
				Results: kindsOf(ft.Results()),
				Bounded: bounded[e.Name()],
			})
		} else if mt := ty.MemoryType(); mt != nil && e.Name() == memoryExport {
			iface.memory = true
			iface.minMem = int64(min(mt.Minimum(), 1<<47)) * 65536
		}
	}
	for _, im := range mod.Imports() {
		name := ""
		if n := im.Name(); n != nil {
			name = *n
		}
		imp := Import{Module: im.Module(), Name: name, Kind: externKind(im.Type())}
		if ft := im.Type().FuncType(); ft != nil {
			imp.Params, imp.Results = kindsOf(ft.Params()), kindsOf(ft.Results())
		}
		iface.imports = append(iface.imports, imp)
	}
	return iface
}

// funcImports counts the imported functions.
func (m *Module) funcImports() int {
	n := 0
	for _, im := range m.imports {
		if im.Kind == "func" {
			n++
		}
	}
	return n
}

// externKind names the kind of an extern type.
func externKind(t *wasmtime.ExternType) string {
	switch {
	case t.FuncType() != nil:
		return "func"
	case t.MemoryType() != nil:
		return "memory"
	case t.TableType() != nil:
		return "table"
	case t.GlobalType() != nil:
		return "global"
	}
	return "unknown"
}

// Exports returns the exported functions in the module's export order.
// The caller must not modify the result.
func (m *Module) Exports() []FuncExport { return m.exports }

// Export returns the exported function called name.
func (m *Module) Export(name string) (FuncExport, bool) {
	for _, e := range m.exports {
		if e.Name == name {
			return e, true
		}
	}
	return FuncExport{}, false
}

// Imports returns what the module imports, in order. The caller must not
// modify the result.
func (m *Module) Imports() []Import { return m.imports }

// HasMemory reports whether the module exports a memory named "memory".
func (m *Module) HasMemory() bool { return m.memory }

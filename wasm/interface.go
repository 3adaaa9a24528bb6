package wasm

import (
	"fmt"

	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// A module's interface, read from its bytes. Wasmtime-go lists exports
// and imports reflectively, one C call and one type object per entry,
// which took about a quarter of a warm load from the disk cache for a
// module of 400 functions. The decoder already reads the sections the
// bounded analysis needs; with the type and memory sections it also has
// the signature of every function and the size of every memory, so
// wrapModule takes the interface from here, and asks Wasmtime only when
// the decoder met something it does not fully understand (a GC type, a
// tag, a section of an unknown proposal) or the indices do not add up.
// interface_test.go checks that both give the same answer.

// moduleInterface is what a Module records of its exports and imports.
type moduleInterface struct {
	exports []FuncExport
	imports []Import
	memory  bool  // exports a memory named "memory"
	minMem  int64 // bytes the exported memory starts with
}

// externNames names the extern kinds as Import.Kind does.
var externNames = [...]string{
	wasmbin.ExternFunc:   "func",
	wasmbin.ExternTable:  "table",
	wasmbin.ExternMemory: "memory",
	wasmbin.ExternGlobal: "global",
}

// readInterface lists the exported functions (with bounded as their
// Bounded field), the exported memory and the imports of a module from
// its sections, or returns an error when they cannot be trusted to match
// Wasmtime's.
func readInterface(s *wasmbin.Sections, bounded map[string]bool) (*moduleInterface, error) {
	if s.InterfaceErr != nil {
		return nil, s.InterfaceErr
	}
	if len(s.FuncTypes) != s.Funcs {
		return nil, fmt.Errorf("%w: %d function types for %d functions", errDecode, len(s.FuncTypes), s.Funcs)
	}
	// funcSigs[i] is the type of function i, imports first.
	funcSigs := make([]*wasmbin.FuncSig, 0, s.FuncImports+s.Funcs)
	sig := func(t uint32) (*wasmbin.FuncSig, error) {
		if int(t) >= len(s.Types) {
			return nil, fmt.Errorf("%w: type %d out of range", errDecode, t)
		}
		return &s.Types[t], nil
	}
	// All the kinds of every signature listed go into one array.
	kinds := 0
	// Like Wasmtime's lists, an empty list is nil.
	iface := &moduleInterface{}
	if len(s.Imports) > 0 {
		iface.imports = make([]Import, 0, len(s.Imports))
	}
	for _, e := range s.Imports {
		if int(e.Kind) >= len(externNames) {
			return nil, fmt.Errorf("%w: import kind %d", errDecode, e.Kind)
		}
		if e.Kind == wasmbin.ExternFunc {
			fs, err := sig(e.TypeIndex)
			if err != nil {
				return nil, err
			}
			funcSigs = append(funcSigs, fs)
			kinds += len(fs.Params) + len(fs.Results)
		}
	}
	for _, t := range s.FuncTypes {
		fs, err := sig(t)
		if err != nil {
			return nil, err
		}
		funcSigs = append(funcSigs, fs)
	}
	for _, e := range s.FuncExports {
		if int(e.Index) >= len(funcSigs) {
			return nil, fmt.Errorf("%w: export %q of function %d out of range", errDecode, e.Name, e.Index)
		}
		fs := funcSigs[e.Index]
		kinds += len(fs.Params) + len(fs.Results)
	}
	all := make([]ValKind, 0, kinds)
	// take appends the kinds of ts to all and returns them, capped so that
	// no two results share elements.
	take := func(ts []wasmbin.ValType) []ValKind {
		start := len(all)
		for _, t := range ts {
			all = append(all, kindOfType(t))
		}
		return all[start:len(all):len(all)]
	}
	nfunc := 0
	for _, e := range s.Imports {
		im := Import{Module: e.Module, Name: e.Name, Kind: externNames[e.Kind]}
		if e.Kind == wasmbin.ExternFunc {
			fs := funcSigs[nfunc]
			nfunc++
			im.Params, im.Results = take(fs.Params), take(fs.Results)
		}
		iface.imports = append(iface.imports, im)
	}
	if len(s.FuncExports) > 0 {
		iface.exports = make([]FuncExport, 0, len(s.FuncExports))
	}
	for _, e := range s.FuncExports {
		fs := funcSigs[e.Index]
		iface.exports = append(iface.exports, FuncExport{
			Name:    e.Name,
			Params:  take(fs.Params),
			Results: take(fs.Results),
			Bounded: bounded[e.Name],
		})
	}
	for _, e := range s.MemExports {
		if int(e.Index) >= len(s.Memories) {
			return nil, fmt.Errorf("%w: export %q of memory %d out of range", errDecode, e.Name, e.Index)
		}
		if e.Name == memoryExport {
			iface.memory = true
			iface.minMem = int64(min(s.Memories[e.Index], 1<<47)) * 65536
		}
	}
	return iface, nil
}

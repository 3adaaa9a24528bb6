package wasm

import "fmt"

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
	externFunc:   "func",
	externTable:  "table",
	externMemory: "memory",
	externGlobal: "global",
}

// readInterface lists the exported functions (with bounded as their
// Bounded field), the exported memory and the imports of a module from
// its sections, or returns an error when they cannot be trusted to match
// Wasmtime's.
func readInterface(s *moduleSections, bounded map[string]bool) (*moduleInterface, error) {
	if s.ifaceErr != nil {
		return nil, s.ifaceErr
	}
	if len(s.funcTypes) != s.funcs {
		return nil, fmt.Errorf("%w: %d function types for %d functions", errDecode, len(s.funcTypes), s.funcs)
	}
	// funcSigs[i] is the type of function i, imports first.
	funcSigs := make([]*funcSig, 0, s.imports+s.funcs)
	sig := func(t uint32) (*funcSig, error) {
		if int(t) >= len(s.types) {
			return nil, fmt.Errorf("%w: type %d out of range", errDecode, t)
		}
		return &s.types[t], nil
	}
	// All the kinds of every signature listed go into one array.
	kinds := 0
	// Like Wasmtime's lists, an empty list is nil.
	iface := &moduleInterface{}
	if len(s.importList) > 0 {
		iface.imports = make([]Import, 0, len(s.importList))
	}
	for _, e := range s.importList {
		if int(e.kind) >= len(externNames) {
			return nil, fmt.Errorf("%w: import kind %d", errDecode, e.kind)
		}
		if e.kind == externFunc {
			fs, err := sig(e.typeIndex)
			if err != nil {
				return nil, err
			}
			funcSigs = append(funcSigs, fs)
			kinds += len(fs.params) + len(fs.results)
		}
	}
	for _, t := range s.funcTypes {
		fs, err := sig(t)
		if err != nil {
			return nil, err
		}
		funcSigs = append(funcSigs, fs)
	}
	for _, e := range s.exports {
		if int(e.index) >= len(funcSigs) {
			return nil, fmt.Errorf("%w: export %q of function %d out of range", errDecode, e.name, e.index)
		}
		fs := funcSigs[e.index]
		kinds += len(fs.params) + len(fs.results)
	}
	all := make([]ValKind, 0, kinds)
	// take appends ks to all and returns its copy, capped so that no two
	// results share elements.
	take := func(ks []ValKind) []ValKind {
		start := len(all)
		all = append(all, ks...)
		return all[start:len(all):len(all)]
	}
	nfunc := 0
	for _, e := range s.importList {
		im := Import{Module: e.module, Name: e.name, Kind: externNames[e.kind]}
		if e.kind == externFunc {
			fs := funcSigs[nfunc]
			nfunc++
			im.Params, im.Results = take(fs.params), take(fs.results)
		}
		iface.imports = append(iface.imports, im)
	}
	if len(s.exports) > 0 {
		iface.exports = make([]FuncExport, 0, len(s.exports))
	}
	for _, e := range s.exports {
		fs := funcSigs[e.index]
		iface.exports = append(iface.exports, FuncExport{
			Name:    e.name,
			Params:  take(fs.params),
			Results: take(fs.results),
			Bounded: bounded[e.name],
		})
	}
	for _, e := range s.memExports {
		if int(e.index) >= len(s.memories) {
			return nil, fmt.Errorf("%w: export %q of memory %d out of range", errDecode, e.name, e.index)
		}
		if e.name == memoryExport {
			iface.memory = true
			iface.minMem = int64(min(s.memories[e.index], 1<<47)) * 65536
		}
	}
	return iface, nil
}

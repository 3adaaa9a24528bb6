package wasmbin

import (
	"fmt"
	"strconv"
)

// A ValType is a WebAssembly value type.
// https://webassembly.github.io/spec/core/binary/types.html#value-types
type ValType byte

// The value types the generator uses.
const (
	I32 ValType = 0x7f
	I64 ValType = 0x7e
	F32 ValType = 0x7d
	F64 ValType = 0x7c
)

// String returns the text-format spelling of t.
func (t ValType) String() string {
	switch t {
	case I32:
		return "i32"
	case I64:
		return "i64"
	case F32:
		return "f32"
	case F64:
		return "f64"
	}
	return fmt.Sprintf("valtype(%#x)", byte(t))
}

// A FuncType is a function signature.
type FuncType struct {
	Params  []ValType
	Results []ValType
}

// The number of parameters comes first: a separator byte could also be a
// value type's byte (0x7c is f64).
func (t FuncType) key() string {
	return strconv.Itoa(len(t.Params)) + ":" + string(valBytes(t.Params)) + string(valBytes(t.Results))
}

func valBytes(ts []ValType) []byte {
	b := make([]byte, len(ts))
	for i, t := range ts {
		b[i] = byte(t)
	}
	return b
}

// A Func is one function of a module: its signature, its locals and its
// body as a list of instructions (without the final `end`, which Encode
// adds). Names are kept for the WAT view and the "name" custom section.
type Func struct {
	Name       string    // source name; also the export name when Export is set
	Export     bool      // exported under Name
	Type       FuncType  // signature
	ParamNames []string  // one per parameter
	Locals     []ValType // declared locals after the parameters
	LocalNames []string  // one per entry of Locals
	Body       []Instr
}

// A Global is a module global with a constant initial value.
type Global struct {
	Name    string
	Type    ValType
	Mutable bool
	Init    int64 // for I32 and I64 globals
	Export  bool  // exported under Name
}

// A DataSegment is an active data segment: Bytes are copied into memory 0
// at Offset when the module is instantiated.
type DataSegment struct {
	Offset uint32
	Bytes  []byte
}

// A TypeDecl is a function type the module declares ahead of its
// functions' own types, under a name for the text view: call_indirect
// refers to it by index.
type TypeDecl struct {
	Name string
	Type FuncType
}

// A Table is table 0: Size funcref slots, exported under Export.
type Table struct {
	Export string
	Size   uint32
}

// A CustomSection is a custom section written right after the header,
// where a reader finds it without reading the rest of the module.
type CustomSection struct {
	Name string
	Data []byte
}

// A Module is the model of one WebAssembly module: functions (no imports),
// globals, one linear memory, at most one table and the exports. Functions
// are numbered in the order of Funcs, globals in the order of Globals, and
// types in the order of Types, then of first use by Funcs.
type Module struct {
	// Custom sections come first in the binary; the text view omits them.
	Custom       []CustomSection
	Types        []TypeDecl
	Funcs        []*Func
	Globals      []*Global
	MemoryPages  uint32 // minimum size of memory 0, in 64 KiB pages
	MemoryExport string // export name of memory 0; "" for none
	// Data holds the bytes memory 0 starts with (string literals).
	Data []DataSegment
	// Table, when set, is table 0, exported.
	Table *Table
}

// types returns the function types of m, Types first, then the distinct
// types of the functions in first-use order, and the type index of each
// function.
func (m *Module) types() ([]FuncType, []uint32) {
	var list []FuncType
	seen := make(map[string]uint32)
	for _, d := range m.Types {
		k := d.Type.key()
		if _, ok := seen[k]; !ok {
			seen[k] = uint32(len(list))
		}
		list = append(list, d.Type)
	}
	idx := make([]uint32, len(m.Funcs))
	for i, f := range m.Funcs {
		k := f.Type.key()
		n, ok := seen[k]
		if !ok {
			n = uint32(len(list))
			seen[k] = n
			list = append(list, f.Type)
		}
		idx[i] = n
	}
	return list, idx
}

// Encode returns the WebAssembly binary of m.
// https://webassembly.github.io/spec/core/binary/modules.html#binary-module
func (m *Module) Encode() []byte {
	types, typeIdx := m.types()
	b := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00} // magic, version 1
	for _, c := range m.Custom {
		b = appendCustomSection(b, c)
	}
	b = appendTypeSection(b, types)
	b = appendFunctionSection(b, typeIdx)
	b = appendTableSection(b, m)
	b = appendMemorySection(b, m)
	b = appendGlobalSection(b, m.Globals)
	b = appendExportSection(b, m)
	b = appendCodeSection(b, m.Funcs)
	b = appendDataSection(b, m.Data)
	b = appendNameSection(b, m)
	return b
}

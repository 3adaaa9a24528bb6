package wasmbin

// Section ids, for the encoder and the decoder.
// https://webassembly.github.io/spec/core/binary/modules.html#sections
const (
	secCustom   = 0
	secType     = 1
	secImport   = 2
	secFunction = 3
	secTable    = 4
	secMemory   = 5
	secGlobal   = 6
	secExport   = 7
	secCode     = 10
	secData     = 11
)

// Extern kinds, as imports and exports encode them.
// https://webassembly.github.io/spec/core/binary/modules.html#export-section
const (
	ExternFunc   = 0x00
	ExternTable  = 0x01
	ExternMemory = 0x02
	ExternGlobal = 0x03
	ExternTag    = 0x04
)

// appendSection appends a section with the given id and contents.
// https://webassembly.github.io/spec/core/binary/modules.html#sections
func appendSection(b []byte, id byte, contents []byte) []byte {
	b = append(b, id)
	b = AppendUleb128(b, uint64(len(contents)))
	return append(b, contents...)
}

// appendName appends a UTF-8 name as a byte vector.
// https://webassembly.github.io/spec/core/binary/values.html#names
func appendName(b []byte, s string) []byte {
	b = AppendUleb128(b, uint64(len(s)))
	return append(b, s...)
}

// appendCustomSection appends a custom section: its name, then its data.
// https://webassembly.github.io/spec/core/binary/modules.html#custom-section
func appendCustomSection(b []byte, c CustomSection) []byte {
	name := uint64(len(c.Name))
	size := uint64(ulebLen(name)) + name + uint64(len(c.Data))
	b = append(b, secCustom)
	b = AppendUleb128(b, size)
	b = appendName(b, c.Name)
	return append(b, c.Data...)
}

// appendTypeSection appends the function types, each 0x60 then the
// parameter and result vectors. Omitted when there are none.
// https://webassembly.github.io/spec/core/binary/modules.html#type-section
func appendTypeSection(b []byte, types []FuncType) []byte {
	if len(types) == 0 {
		return b
	}
	c := AppendUleb128(nil, uint64(len(types)))
	for _, t := range types {
		c = append(c, 0x60)
		c = AppendUleb128(c, uint64(len(t.Params)))
		c = append(c, valBytes(t.Params)...)
		c = AppendUleb128(c, uint64(len(t.Results)))
		c = append(c, valBytes(t.Results)...)
	}
	return appendSection(b, secType, c)
}

// appendFunctionSection appends the type index of each function.
// https://webassembly.github.io/spec/core/binary/modules.html#function-section
func appendFunctionSection(b []byte, typeIdx []uint32) []byte {
	if len(typeIdx) == 0 {
		return b
	}
	c := AppendUleb128(nil, uint64(len(typeIdx)))
	for _, i := range typeIdx {
		c = AppendUleb128(c, uint64(i))
	}
	return appendSection(b, secFunction, c)
}

// appendTableSection appends table 0, of funcrefs, when the module has
// one.
// https://webassembly.github.io/spec/core/binary/modules.html#table-section
func appendTableSection(b []byte, m *Module) []byte {
	if m.Table == nil {
		return b
	}
	c := AppendUleb128(nil, 1)
	c = append(c, 0x70, 0x00) // funcref, limits: min only
	c = AppendUleb128(c, uint64(m.Table.Size))
	return appendSection(b, secTable, c)
}

// appendMemorySection appends memory 0 with its minimum size and no maximum.
// https://webassembly.github.io/spec/core/binary/modules.html#memory-section
func appendMemorySection(b []byte, m *Module) []byte {
	if m.MemoryExport == "" && m.MemoryPages == 0 {
		return b
	}
	c := AppendUleb128(nil, 1)
	c = append(c, 0x00) // limits: min only
	c = AppendUleb128(c, uint64(m.MemoryPages))
	return appendSection(b, secMemory, c)
}

// appendGlobalSection appends each global's type, mutability and constant
// initializer expression.
// https://webassembly.github.io/spec/core/binary/modules.html#global-section
func appendGlobalSection(b []byte, globals []*Global) []byte {
	if len(globals) == 0 {
		return b
	}
	c := AppendUleb128(nil, uint64(len(globals)))
	for _, g := range globals {
		c = append(c, byte(g.Type))
		if g.Mutable {
			c = append(c, 0x01)
		} else {
			c = append(c, 0x00)
		}
		switch g.Type {
		case I64:
			c = appendInstr(c, Instr{Op: OpI64Const, Imm: g.Init})
		default:
			c = appendInstr(c, Instr{Op: OpI32Const, Imm: g.Init})
		}
		c = append(c, byte(OpEnd))
	}
	return appendSection(b, secGlobal, c)
}

// appendExportSection appends the exported functions, then the memory, the
// table and the exported globals.
// https://webassembly.github.io/spec/core/binary/modules.html#export-section
func appendExportSection(b []byte, m *Module) []byte {
	var c []byte
	n := 0
	for i, f := range m.Funcs {
		if f.Export {
			c = appendName(c, f.Name)
			c = append(c, ExternFunc)
			c = AppendUleb128(c, uint64(i))
			n++
		}
	}
	if m.MemoryExport != "" {
		c = appendName(c, m.MemoryExport)
		c = append(c, ExternMemory, 0x00)
		n++
	}
	if m.Table != nil {
		c = appendName(c, m.Table.Export)
		c = append(c, ExternTable, 0x00)
		n++
	}
	for i, g := range m.Globals {
		if g.Export {
			c = appendName(c, g.Name)
			c = append(c, ExternGlobal)
			c = AppendUleb128(c, uint64(i))
			n++
		}
	}
	if n == 0 {
		return b
	}
	return appendSection(b, secExport, append(AppendUleb128(nil, uint64(n)), c...))
}

// appendCodeSection appends the body of every function.
// https://webassembly.github.io/spec/core/binary/modules.html#code-section
func appendCodeSection(b []byte, funcs []*Func) []byte {
	if len(funcs) == 0 {
		return b
	}
	c := AppendUleb128(nil, uint64(len(funcs)))
	for _, f := range funcs {
		c = appendFuncBody(c, f)
	}
	return appendSection(b, secCode, c)
}

// appendDataSection appends the active data segments of memory 0, each
// placed by a constant offset.
// https://webassembly.github.io/spec/core/binary/modules.html#data-section
func appendDataSection(b []byte, data []DataSegment) []byte {
	if len(data) == 0 {
		return b
	}
	c := AppendUleb128(nil, uint64(len(data)))
	for _, d := range data {
		c = append(c, 0x00) // active, memory 0
		c = appendInstr(c, Instr{Op: OpI32Const, Imm: int64(int32(d.Offset))})
		c = append(c, byte(OpEnd))
		c = AppendUleb128(c, uint64(len(d.Bytes)))
		c = append(c, d.Bytes...)
	}
	return appendSection(b, secData, c)
}

// appendNameSection appends the "name" custom section: function names
// (subsection 1) and local names (subsection 2), so that traps and
// debuggers show the user's names. Omitted when there are no functions.
// https://webassembly.github.io/spec/core/appendix/custom.html#name-section
func appendNameSection(b []byte, m *Module) []byte {
	if len(m.Funcs) == 0 {
		return b
	}
	c := appendName(nil, "name")
	fn := AppendUleb128(nil, uint64(len(m.Funcs)))
	for i, f := range m.Funcs {
		fn = AppendUleb128(fn, uint64(i))
		fn = appendName(fn, f.Name)
	}
	c = append(c, 1)
	c = AppendUleb128(c, uint64(len(fn)))
	c = append(c, fn...)
	loc := AppendUleb128(nil, uint64(len(m.Funcs)))
	for i, f := range m.Funcs {
		loc = AppendUleb128(loc, uint64(i))
		names := append(append([]string(nil), f.ParamNames...), f.LocalNames...)
		loc = AppendUleb128(loc, uint64(len(names)))
		for j, n := range names {
			loc = AppendUleb128(loc, uint64(j))
			loc = appendName(loc, n)
		}
	}
	c = append(c, 2)
	c = AppendUleb128(c, uint64(len(loc)))
	c = append(c, loc...)
	return appendSection(b, secCustom, c)
}

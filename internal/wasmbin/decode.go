package wasmbin

import "fmt"

// The decoder reads the sections of a module that the runtime needs
// (package wasm: its bounded analysis and its view of the interface): the
// type, import, function, memory, export and code sections, and the
// custom sections' names and contents; it skips the others.
// https://webassembly.github.io/spec/core/binary/modules.html

// An Export is an exported function or memory: its name and its index
// in the function (or memory) index space, imports first.
type Export struct {
	Name  string
	Index uint32
}

// A FuncSig is a function type of the type section. A value type other
// than a number type is kept as the first byte of its encoding.
type FuncSig struct {
	Params, Results []ValType
}

// An Import is one import: names, extern kind and, for a function, its
// type index.
type Import struct {
	Module, Name string
	Kind         byte
	TypeIndex    uint32
}

// Sections is what Decode keeps of a module.
type Sections struct {
	FuncImports int      // imported functions
	Funcs       int      // defined functions (function section)
	FuncExports []Export // exported functions
	Bodies      [][]byte // code section entries: locals and instructions

	// InterfaceErr is why the interface cannot be read from the sections
	// below (a type or extern kind the decoder does not know); nil when
	// it can. It does not make Decode fail.
	InterfaceErr error
	Types        []FuncSig
	FuncTypes    []uint32 // type index of each defined function
	Imports      []Import
	Memories     []uint64 // minimum pages of each memory, imported ones first
	MemExports   []Export // exported memories
	ExportsTotal int      // exports of every kind, in the section
	Custom       []CustomSection
}

// Decode reads the header and the sections of wasm. The slices it returns
// (bodies, custom section contents) alias wasm. An error wraps ErrDecode.
func Decode(wasm []byte) (*Sections, error) {
	r := &Reader{b: wasm}
	head, err := r.Bytes(8)
	if err != nil || string(head) != "\x00asm\x01\x00\x00\x00" {
		return nil, fmt.Errorf("%w: not a WebAssembly 1.0 module", ErrDecode)
	}
	m := &Sections{}
	var seen [256]bool
	for r.pos < len(r.b) {
		id, err := r.Byte()
		if err != nil {
			return nil, err
		}
		size, err := r.U32()
		if err != nil {
			return nil, err
		}
		body, err := r.Bytes(int(size))
		if err != nil {
			return nil, err
		}
		if id != secCustom && seen[id] {
			return nil, fmt.Errorf("%w: section %d twice", ErrDecode, id)
		}
		seen[id] = true
		s := &Reader{b: body}
		switch id {
		case secType, secMemory:
			// Only the interface needs these: a failure is no reason to
			// give up the rest.
			if id == secType {
				err = s.typeSection(m)
			} else {
				err = s.memorySection(m)
			}
			if err == nil && s.pos != len(s.b) {
				err = s.errAt(fmt.Sprintf("section %d longer than its content", id))
			}
			if err != nil && m.InterfaceErr == nil {
				m.InterfaceErr = err
			}
			continue
		case secCustom:
			// One whose name cannot be read is skipped, as before custom
			// sections were kept: the rest of the module does not depend on it.
			if name, err := s.Name(); err == nil {
				m.Custom = append(m.Custom, CustomSection{Name: name, Data: s.b[s.pos:]})
			}
			continue
		case secImport:
			err = s.importSection(m)
		case secFunction:
			err = s.functionSection(m)
		case secExport:
			err = s.exportSection(m)
		case secCode:
			err = s.codeSection(m)
		default:
			if id > 12 && m.InterfaceErr == nil {
				// A section of a proposal (tags, strings): it may add
				// kinds of imports and exports.
				m.InterfaceErr = fmt.Errorf("%w: unknown section %d", ErrDecode, id)
			}
			continue
		}
		if err == nil && s.pos != len(s.b) {
			err = s.errAt(fmt.Sprintf("section %d longer than its content", id))
		}
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// LeadingCustom returns the contents of the custom section called name
// among those that come before any other section of wasm (where
// Module.Encode writes its Custom sections), reading nothing beyond them.
// ok is false when there is none, or when wasm is not a module.
func LeadingCustom(wasm []byte, name string) (data []byte, ok bool) {
	r := &Reader{b: wasm}
	if head, err := r.Bytes(8); err != nil || string(head) != "\x00asm\x01\x00\x00\x00" {
		return nil, false
	}
	for r.pos < len(r.b) && r.b[r.pos] == secCustom {
		r.pos++
		size, err := r.U32()
		if err != nil {
			return nil, false
		}
		body, err := r.Bytes(int(size))
		if err != nil {
			return nil, false
		}
		s := &Reader{b: body}
		if n, err := s.U32(); err == nil {
			if nb, err := s.Bytes(int(n)); err == nil && string(nb) == name {
				return body[s.pos:], true
			}
		}
	}
	return nil, false
}

// typeSection records the function types. Any other kind of type (the
// recursive, struct and array types of the GC proposal) is an error.
func (r *Reader) typeSection(m *Sections) error {
	n, err := r.U32()
	if err != nil {
		return err
	}
	if int(n) > len(r.b) {
		return r.errAt("too many types")
	}
	m.Types = make([]FuncSig, 0, n)
	for range n {
		form, err := r.Byte()
		if err != nil {
			return err
		}
		if form != 0x60 {
			return r.errAt("not a function type")
		}
		var sig FuncSig
		if sig.Params, err = r.valTypes(); err != nil {
			return err
		}
		if sig.Results, err = r.valTypes(); err != nil {
			return err
		}
		m.Types = append(m.Types, sig)
	}
	return nil
}

// valTypes reads a vector of value types.
func (r *Reader) valTypes() ([]ValType, error) {
	n, err := r.U32()
	if err != nil {
		return nil, err
	}
	if int(n) > len(r.b)-r.pos {
		return nil, r.errAt("unexpected end")
	}
	out := make([]ValType, n)
	for i := range out {
		if out[i], err = r.ValType(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// memorySection records the minimum size of each defined memory.
func (r *Reader) memorySection(m *Sections) error {
	n, err := r.U32()
	for i := uint32(0); err == nil && i < n; i++ {
		var least uint64
		if least, err = r.Limits(); err == nil {
			m.Memories = append(m.Memories, least)
		}
	}
	return err
}

// importSection records the imports, and counts the imported functions.
// A tag import (exception handling) makes the interface unreadable.
func (r *Reader) importSection(m *Sections) error {
	n, err := r.U32()
	for i := uint32(0); err == nil && i < n; i++ {
		var e Import
		if e.Module, err = r.Name(); err != nil {
			break
		}
		if e.Name, err = r.Name(); err != nil {
			break
		}
		if e.Kind, err = r.Byte(); err != nil {
			break
		}
		switch e.Kind {
		case ExternFunc: // its type index
			m.FuncImports++
			e.TypeIndex, err = r.U32()
		case ExternTable: // reference type and limits
			if _, err = r.ValType(); err == nil {
				_, err = r.Limits()
			}
		case ExternMemory:
			var least uint64
			if least, err = r.Limits(); err == nil {
				m.Memories = append(m.Memories, least)
			}
		case ExternGlobal: // value type and mutability
			if _, err = r.ValType(); err == nil {
				var mut byte
				if mut, err = r.Byte(); err == nil && mut > 1 {
					err = r.errAt("bad global mutability")
				}
			}
		case ExternTag: // attribute 0 and a type index
			var attr byte
			if attr, err = r.Byte(); err == nil && attr != 0 {
				err = r.errAt("bad tag")
			}
			if err == nil {
				_, err = r.U32()
			}
			if m.InterfaceErr == nil {
				m.InterfaceErr = r.errAt("tag import")
			}
		default:
			err = r.errAt("unknown import kind")
		}
		m.Imports = append(m.Imports, e)
	}
	return err
}

// functionSection records the type of each defined function.
func (r *Reader) functionSection(m *Sections) error {
	n, err := r.U32()
	if err == nil && int(n) > len(r.b) {
		err = r.errAt("too many functions")
	}
	if err != nil {
		return err
	}
	m.FuncTypes = make([]uint32, 0, n)
	for i := uint32(0); err == nil && i < n; i++ {
		var t uint32
		if t, err = r.U32(); err == nil {
			m.FuncTypes = append(m.FuncTypes, t)
		}
	}
	m.Funcs = int(n)
	return err
}

// exportSection records the exported functions and memories. An export
// of another kind than function, table, memory or global makes the
// interface unreadable.
func (r *Reader) exportSection(m *Sections) error {
	n, err := r.U32()
	if err == nil && int(n) <= len(r.b)/3 {
		// An export takes at least 3 bytes.
		m.FuncExports = make([]Export, 0, n)
	}
	for i := uint32(0); err == nil && i < n; i++ {
		var name string
		if name, err = r.Name(); err != nil {
			break
		}
		var kind byte
		if kind, err = r.Byte(); err != nil {
			break
		}
		var index uint32
		if index, err = r.U32(); err != nil {
			break
		}
		m.ExportsTotal++
		switch kind {
		case ExternFunc:
			m.FuncExports = append(m.FuncExports, Export{Name: name, Index: index})
		case ExternMemory:
			m.MemExports = append(m.MemExports, Export{Name: name, Index: index})
		case ExternTable, ExternGlobal:
		default:
			if m.InterfaceErr == nil {
				m.InterfaceErr = r.errAt("unknown export kind")
			}
		}
	}
	return err
}

// codeSection records the function bodies.
func (r *Reader) codeSection(m *Sections) error {
	n, err := r.U32()
	if err == nil && int(n) <= len(r.b) {
		m.Bodies = make([][]byte, 0, n)
	}
	for i := uint32(0); err == nil && i < n; i++ {
		var size uint32
		if size, err = r.U32(); err != nil {
			break
		}
		var body []byte
		if body, err = r.Bytes(int(size)); err == nil {
			m.Bodies = append(m.Bodies, body)
		}
	}
	return err
}

package wasm

import (
	"fmt"
	"unicode/utf8"
)

// The few pieces of the WebAssembly binary format the bounded analysis
// (bounded.go) and the interface (interface.go) need: LEB128 integers,
// value and block types, memargs and limits, and the type, import,
// function, memory, export and code sections
// (https://webassembly.github.io/spec/core/binary/modules.html). Every read
// checks its bounds and reports running out of bytes as an error.

// A reader decodes bytes from b, starting at pos.
type reader struct {
	b   []byte
	pos int
}

// errAt returns a decoding error at the reader's position.
func (r *reader) errAt(what string) error {
	return fmt.Errorf("%w: %s at byte %d", errDecode, what, r.pos)
}

// byte reads one byte.
func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, r.errAt("unexpected end")
	}
	c := r.b[r.pos]
	r.pos++
	return c, nil
}

// skip skips n bytes.
func (r *reader) skip(n int) error {
	if n < 0 || n > len(r.b)-r.pos {
		return r.errAt("unexpected end")
	}
	r.pos += n
	return nil
}

// bytes reads n bytes.
func (r *reader) bytes(n int) ([]byte, error) {
	start := r.pos
	if err := r.skip(n); err != nil {
		return nil, err
	}
	return r.b[start:r.pos], nil
}

// uleb reads an unsigned LEB128 integer of at most bits bits (32 or 64).
// Its encoding may not be longer than ceil(bits/7) bytes, and the unused
// bits of the last byte must be zero.
func (r *reader) uleb(bits uint) (uint64, error) {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		if shift+7 > bits && c>>(bits-shift) != 0 {
			// The last byte allowed: only bits-shift payload bits, and no
			// continuation.
			return 0, r.errAt("integer too large")
		}
		v |= uint64(c&0x7F) << shift
		if c&0x80 == 0 {
			return v, nil
		}
	}
}

// u32 reads an unsigned 32-bit LEB128 integer.
func (r *reader) u32() (uint32, error) {
	v, err := r.uleb(32)
	return uint32(v), err
}

// s33 reads a signed LEB128 integer of at most 33 bits (block types and
// heap types), returning it with the number of bytes it took.
func (r *reader) s33() (int64, int, error) {
	start := r.pos
	var v int64
	shift := uint(0)
	for {
		c, err := r.byte()
		if err != nil {
			return 0, 0, err
		}
		if r.pos-start > 5 {
			return 0, 0, r.errAt("integer too long")
		}
		v |= int64(c&0x7F) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, r.pos - start, nil
		}
	}
}

// sleb skips a signed LEB128 integer of at most maxLen bytes (5 for i32,
// 10 for i64). Its value does not matter to the analysis.
func (r *reader) sleb(maxLen int) error {
	for n := 1; ; n++ {
		c, err := r.byte()
		if err != nil {
			return err
		}
		if c&0x80 == 0 {
			return nil
		}
		if n == maxLen {
			return r.errAt("integer too long")
		}
	}
}

// heapType reads a heap type: an abstract type (one negative byte) or a
// type index.
func (r *reader) heapType() error {
	v, n, err := r.s33()
	if err == nil && v < 0 && n != 1 {
		return r.errAt("bad heap type")
	}
	return err
}

// valType reads a value type: a number, vector or reference type in one
// byte (0x69-0x7F), or (ref ht) / (ref null ht).
func (r *reader) valType() error {
	c, err := r.byte()
	if err != nil {
		return err
	}
	switch {
	case c == 0x63 || c == 0x64:
		return r.heapType()
	case c >= 0x69 && c <= 0x7F:
		return nil
	}
	return r.errAt("unknown value type")
}

// blockType reads the type of a block or if: empty (0x40), one value type,
// or a type index (a non-negative s33).
func (r *reader) blockType() error {
	if r.pos >= len(r.b) {
		return r.errAt("unexpected end")
	}
	switch c := r.b[r.pos]; {
	case c == 0x40:
		r.pos++
		return nil
	case c == 0x63 || c == 0x64 || (c >= 0x69 && c <= 0x7F):
		return r.valType()
	}
	v, _, err := r.s33()
	if err == nil && v < 0 {
		return r.errAt("bad block type")
	}
	return err
}

// memarg reads the immediate of a load or store: alignment (whose bit 6
// says a memory index follows, for multi-memory), then the offset (64
// bits wide for memory64).
func (r *reader) memarg() error {
	align, err := r.u32()
	if err != nil {
		return err
	}
	if align&0x40 != 0 {
		if _, err := r.u32(); err != nil {
			return err
		}
	}
	_, err = r.uleb(64)
	return err
}

// limits reads the limits of a memory or table: flags (bit 0: a maximum
// follows; bit 1: shared; bit 2: 64-bit), then the minimum and maximum.
// It returns the minimum. Other flags (custom page sizes) are not
// understood.
func (r *reader) limits() (uint64, error) {
	flags, err := r.byte()
	if err != nil {
		return 0, err
	}
	if flags > 0x07 {
		return 0, r.errAt("unknown limits")
	}
	least, err := r.uleb(64)
	if err != nil {
		return 0, err
	}
	if flags&1 != 0 {
		_, err = r.uleb(64)
	}
	return least, err
}

// name reads a UTF-8 name.
func (r *reader) name() (string, error) {
	n, err := r.u32()
	if err != nil {
		return "", err
	}
	b, err := r.bytes(int(n))
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", r.errAt("name is not UTF-8")
	}
	return string(b), nil
}

// Section ids (https://webassembly.github.io/spec/core/binary/modules.html#sections).
const (
	sectionType     = 1
	sectionImport   = 2
	sectionFunction = 3
	sectionMemory   = 5
	sectionExport   = 7
	sectionCode     = 10
)

// Extern kinds, as imports and exports encode them.
const (
	externFunc   = 0x00
	externTable  = 0x01
	externMemory = 0x02
	externGlobal = 0x03
	externTag    = 0x04
)

// A funcIndexExport is an exported function: its name and index in the
// function index space (imports first).
type funcIndexExport struct {
	name  string
	index uint32
}

// A funcSig is a function type of the type section.
type funcSig struct {
	params, results []ValKind
}

// An importEntry is one import: names, extern kind and, for a function,
// its type index.
type importEntry struct {
	module, name string
	kind         byte
	typeIndex    uint32
}

// moduleSections is what readSections keeps of a module: what the bounded
// analysis needs, and the types, imports, memories and exports from which
// interface.go lists the module's interface.
type moduleSections struct {
	imports int // imported functions
	funcs   int // defined functions (function section)
	exports []funcIndexExport
	bodies  [][]byte // code section entries: locals and instructions

	// ifaceErr is why the interface cannot be read from the sections
	// below (a type or extern kind the decoder does not know); nil when
	// it can. It does not stop the bounded analysis.
	ifaceErr     error
	types        []funcSig
	funcTypes    []uint32 // type index of each defined function
	importList   []importEntry
	memories     []uint64          // minimum pages of each memory, imported ones first
	memExports   []funcIndexExport // exported memories: name and memory index
	exportsTotal int               // exports of every kind, in the section
}

// readSections reads the header and the sections the analysis needs,
// skipping the others.
func readSections(wasm []byte) (*moduleSections, error) {
	r := &reader{b: wasm}
	head, err := r.bytes(8)
	if err != nil || string(head) != "\x00asm\x01\x00\x00\x00" {
		return nil, fmt.Errorf("%w: not a WebAssembly 1.0 module", errDecode)
	}
	m := &moduleSections{}
	var seen [256]bool
	for r.pos < len(r.b) {
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		body, err := r.bytes(int(size))
		if err != nil {
			return nil, err
		}
		if id != 0 && seen[id] {
			return nil, fmt.Errorf("%w: section %d twice", errDecode, id)
		}
		seen[id] = true
		s := &reader{b: body}
		switch id {
		case sectionType, sectionMemory:
			// Only the interface needs these: a failure is no reason to
			// give up the bounded analysis.
			if id == sectionType {
				err = s.typeSection(m)
			} else {
				err = s.memorySection(m)
			}
			if err == nil && s.pos != len(s.b) {
				err = s.errAt(fmt.Sprintf("section %d longer than its content", id))
			}
			if err != nil && m.ifaceErr == nil {
				m.ifaceErr = err
			}
			continue
		case sectionImport:
			err = s.importSection(m)
		case sectionFunction:
			err = s.functionSection(m)
		case sectionExport:
			err = s.exportSection(m)
		case sectionCode:
			err = s.codeSection(m)
		default:
			if id > 12 && m.ifaceErr == nil {
				// A section of a proposal (tags, strings): it may add
				// kinds of imports and exports.
				m.ifaceErr = fmt.Errorf("%w: unknown section %d", errDecode, id)
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

// typeSection records the function types. Any other kind of type (the
// recursive, struct and array types of the GC proposal) is an error.
func (r *reader) typeSection(m *moduleSections) error {
	n, err := r.u32()
	if err != nil {
		return err
	}
	if int(n) > len(r.b) {
		return r.errAt("too many types")
	}
	m.types = make([]funcSig, 0, n)
	for range n {
		form, err := r.byte()
		if err != nil {
			return err
		}
		if form != 0x60 {
			return r.errAt("not a function type")
		}
		var sig funcSig
		if sig.params, err = r.valKinds(); err != nil {
			return err
		}
		if sig.results, err = r.valKinds(); err != nil {
			return err
		}
		m.types = append(m.types, sig)
	}
	return nil
}

// valKinds reads a vector of value types as ValKinds: the numeric types
// as themselves, any other valid value type as KindOther.
func (r *reader) valKinds() ([]ValKind, error) {
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	if int(n) > len(r.b)-r.pos {
		return nil, r.errAt("unexpected end")
	}
	out := make([]ValKind, n)
	for i := range out {
		if r.pos >= len(r.b) {
			return nil, r.errAt("unexpected end")
		}
		switch r.b[r.pos] {
		case 0x7F:
			out[i] = KindI32
		case 0x7E:
			out[i] = KindI64
		case 0x7D:
			out[i] = KindF32
		case 0x7C:
			out[i] = KindF64
		default:
			if err := r.valType(); err != nil {
				return nil, err
			}
			out[i] = KindOther
			continue
		}
		r.pos++
	}
	return out, nil
}

// memorySection records the minimum size of each defined memory.
func (r *reader) memorySection(m *moduleSections) error {
	n, err := r.u32()
	for i := uint32(0); err == nil && i < n; i++ {
		var least uint64
		if least, err = r.limits(); err == nil {
			m.memories = append(m.memories, least)
		}
	}
	return err
}

// importSection records the imports, and counts the imported functions.
// A tag import (exception handling) makes the interface unreadable.
func (r *reader) importSection(m *moduleSections) error {
	n, err := r.u32()
	for i := uint32(0); err == nil && i < n; i++ {
		var e importEntry
		if e.module, err = r.name(); err != nil {
			break
		}
		if e.name, err = r.name(); err != nil {
			break
		}
		if e.kind, err = r.byte(); err != nil {
			break
		}
		switch e.kind {
		case externFunc: // its type index
			m.imports++
			e.typeIndex, err = r.u32()
		case externTable: // reference type and limits
			if err = r.valType(); err == nil {
				_, err = r.limits()
			}
		case externMemory:
			var least uint64
			if least, err = r.limits(); err == nil {
				m.memories = append(m.memories, least)
			}
		case externGlobal: // value type and mutability
			if err = r.valType(); err == nil {
				var mut byte
				if mut, err = r.byte(); err == nil && mut > 1 {
					err = r.errAt("bad global mutability")
				}
			}
		case externTag: // attribute 0 and a type index
			var attr byte
			if attr, err = r.byte(); err == nil && attr != 0 {
				err = r.errAt("bad tag")
			}
			if err == nil {
				_, err = r.u32()
			}
			if m.ifaceErr == nil {
				m.ifaceErr = r.errAt("tag import")
			}
		default:
			err = r.errAt("unknown import kind")
		}
		m.importList = append(m.importList, e)
	}
	return err
}

// functionSection records the type of each defined function.
func (r *reader) functionSection(m *moduleSections) error {
	n, err := r.u32()
	if err == nil && int(n) > len(r.b) {
		err = r.errAt("too many functions")
	}
	if err != nil {
		return err
	}
	m.funcTypes = make([]uint32, 0, n)
	for i := uint32(0); err == nil && i < n; i++ {
		var t uint32
		if t, err = r.u32(); err == nil {
			m.funcTypes = append(m.funcTypes, t)
		}
	}
	m.funcs = int(n)
	return err
}

// exportSection records the exported functions and memories. An export
// of another kind than function, table, memory or global makes the
// interface unreadable.
func (r *reader) exportSection(m *moduleSections) error {
	n, err := r.u32()
	if err == nil && int(n) <= len(r.b)/3 {
		// An export takes at least 3 bytes.
		m.exports = make([]funcIndexExport, 0, n)
	}
	for i := uint32(0); err == nil && i < n; i++ {
		var name string
		if name, err = r.name(); err != nil {
			break
		}
		var kind byte
		if kind, err = r.byte(); err != nil {
			break
		}
		var index uint32
		if index, err = r.u32(); err != nil {
			break
		}
		m.exportsTotal++
		switch kind {
		case externFunc:
			m.exports = append(m.exports, funcIndexExport{name: name, index: index})
		case externMemory:
			m.memExports = append(m.memExports, funcIndexExport{name: name, index: index})
		case externTable, externGlobal:
		default:
			if m.ifaceErr == nil {
				m.ifaceErr = r.errAt("unknown export kind")
			}
		}
	}
	return err
}

// codeSection records the function bodies.
func (r *reader) codeSection(m *moduleSections) error {
	n, err := r.u32()
	if err == nil && int(n) <= len(r.b) {
		m.bodies = make([][]byte, 0, n)
	}
	for i := uint32(0); err == nil && i < n; i++ {
		var size uint32
		if size, err = r.u32(); err != nil {
			break
		}
		var body []byte
		if body, err = r.bytes(int(size)); err == nil {
			m.bodies = append(m.bodies, body)
		}
	}
	return err
}

package wasmgen

import (
	"encoding/binary"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
	"unicode/utf8"
)

// Strings are immutable objects {nbytes, count, UTF-8 bytes} (abi.go).
// Literals and the 128 one-character ASCII strings are static (the data
// segment, below the arena), so comparing with a literal, indexing an
// ASCII string, iterating over one and chr() of an ASCII code allocate
// nothing. Other results are new objects from the arena, like lists.
//
// Python counts, indexes and compares code points. The count is kept in
// the object, so len() is a load. Indexing an ASCII string (count ==
// nbytes) is a byte load; any other string is scanned to the code point,
// as UTF-8 has no index: from the last position found in the same string,
// forward or back (three globals remember it, and every exported call
// forgets it), so s[i] in a loop over i, either way, stays linear.
// Comparison is bytewise, which in
// UTF-8 is code point order, and `in` is a bytewise substring search,
// which UTF-8 makes exact (no code point's encoding starts inside
// another's).

// useStrings lays out the static one-character strings at HeapBase, once.
func (g *gen) useStrings() {
	if g.strs != nil {
		return
	}
	g.useHeap()
	g.strs = make(map[string]uint32)
	g.posGlobal = uint32(len(g.mod.Globals))
	g.mod.Globals = append(g.mod.Globals,
		&wasmbin.Global{Name: "__ml_pos_str", Type: wasmbin.I32, Mutable: true},
		&wasmbin.Global{Name: "__ml_pos_idx", Type: wasmbin.I32, Mutable: true},
		&wasmbin.Global{Name: "__ml_pos_off", Type: wasmbin.I32, Mutable: true})
	for c := 0; c < 128; c++ {
		rec := make([]byte, abi.StaticCharSize)
		binary.LittleEndian.PutUint32(rec[abi.StrLenOffset:], 1)
		binary.LittleEndian.PutUint32(rec[abi.StrCountOffset:], 1)
		rec[abi.StrHeaderSize] = byte(c)
		g.data = append(g.data, rec...)
	}
}

// charAddr is the address of the static string chr(c) for c < 128.
func charAddr(c int64) int64 { return abi.HeapBase + abi.StaticCharSize*c }

// literal returns the address of the static string s, laying it out on
// first use (8-aligned, like every object).
func (g *gen) literal(s string) uint32 {
	g.useStrings()
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		return uint32(charAddr(int64(s[0])))
	}
	if a, ok := g.strs[s]; ok {
		return a
	}
	addr := uint32(abi.HeapBase + len(g.data))
	rec := make([]byte, (abi.StrHeaderSize+len(s)+7)&^7)
	binary.LittleEndian.PutUint32(rec[abi.StrLenOffset:], uint32(len(s)))
	binary.LittleEndian.PutUint32(rec[abi.StrCountOffset:], uint32(utf8.RuneCountInString(s)))
	copy(rec[abi.StrHeaderSize:], s)
	g.data = append(g.data, rec...)
	g.strs[s] = addr
	return addr
}

// heapBase is where the arena starts: after the static strings.
func (g *gen) heapBase() int64 { return int64(abi.HeapBase + len(g.data)) }

// finishData places the static strings in the module: one data segment,
// enough initial memory to hold it, and the allocator's globals starting
// after it.
func (g *gen) finishData() {
	if len(g.data) == 0 {
		return
	}
	g.mod.Data = []wasmbin.DataSegment{{Offset: abi.HeapBase, Bytes: g.data}}
	if pages := uint32((g.heapBase() + 65535) / 65536); pages > g.mod.MemoryPages {
		g.mod.MemoryPages = pages
	}
	for _, gl := range g.mod.Globals[heapGlobal : argTopGlobal+1] {
		gl.Init = g.heapBase()
	}
}

// strLen leaves the byte length of the string whose address is on the stack.
func (fg *fgen) strLen() { fg.emitImm(wasmbin.OpI32Load, abi.StrLenOffset) }

// strCount leaves the code point count of the string on the stack,
// without the owned mark of strappend.go.
func (fg *fgen) strCount() {
	fg.emitImm(wasmbin.OpI32Load, abi.StrCountOffset)
	fg.i32(strMark - 1)
	fg.emit(wasmbin.OpI32And)
}

// shelper returns a string runtime helper, making sure the static strings
// exist.
func (fg *fgen) shelper(name string, build func(*fgen)) uint32 {
	fg.g.useStrings()
	return fg.g.helper(name, build)
}

// genStrAlloc builds __ml_str_alloc(nbytes, count i32) -> i32: a new string
// object whose bytes the caller writes; ErrMemory beyond 2**28 code points.
func genStrAlloc(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"nbytes", "count"}
	const nbytes, count = 0, 1
	p := fg.named(wasmbin.I32, "p")
	fg.get(count)
	fg.i32(maxListLen)
	fg.emit(wasmbin.OpI32GtU)
	fg.trapIf(abi.ErrMemory)
	fg.get(nbytes)
	fg.emit(wasmbin.OpI64ExtendI32U)
	fg.i64(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI64Add)
	fg.call(fg.g.helper("__ml_new", genNew))
	fg.tee(p)
	fg.get(nbytes)
	fg.emitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	fg.get(p)
	fg.get(count)
	fg.emitImm(wasmbin.OpI32Store, abi.StrCountOffset)
	fg.get(p)
}

// genStrCat builds __ml_str_cat(a, b i32) -> i32, the string a + b (a or b
// itself when the other is empty).
func genStrCat(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	r, na := fg.named(wasmbin.I32, "r"), fg.named(wasmbin.I32, "na")
	for _, x := range [][2]uint32{{b, a}, {a, b}} {
		fg.get(x[0])
		fg.strLen()
		fg.emit(wasmbin.OpI32Eqz)
		fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.get(x[1])
		fg.emit(wasmbin.OpReturn)
		fg.end()
	}
	fg.get(a)
	fg.strLen()
	fg.tee(na)
	fg.get(b)
	fg.strLen()
	fg.emit(wasmbin.OpI32Add)
	fg.get(a)
	fg.strCount()
	fg.get(b)
	fg.strCount()
	fg.emit(wasmbin.OpI32Add)
	fg.call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.tee(r)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(a)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(na)
	fg.emit(wasmbin.OpMemCopy)
	fg.get(r)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(na)
	fg.emit(wasmbin.OpI32Add)
	fg.get(b)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(b)
	fg.strLen()
	fg.emit(wasmbin.OpMemCopy)
	fg.get(r)
}

// genStrRepeat builds __ml_str_repeat(s i32, n i64) -> i32, the string
// s * n: "" for n <= 0 or an empty s, s itself for n == 1; ErrMemory when
// the result would pass 2**28 code points. The first copy is then doubled
// with memory.copy, as list repetition does.
func genStrRepeat(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"s", "n"}
	const s, n = 0, 1
	r, d := fg.named(wasmbin.I32, "r"), fg.named(wasmbin.I32, "d")
	total, done, c := fg.named(wasmbin.I32, "total"), fg.named(wasmbin.I32, "done"), fg.named(wasmbin.I32, "c")
	fg.get(n)
	fg.i64(0)
	fg.emit(wasmbin.OpI64LeS)
	fg.get(s)
	fg.strLen()
	fg.emit(wasmbin.OpI32Eqz)
	fg.emit(wasmbin.OpI32Or)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(int32(fg.g.literal("")))
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(n)
	fg.i64(1)
	fg.emit(wasmbin.OpI64Eq)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(s)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	// n > maxListLen / count: too long (count >= 1 since s is not empty)
	fg.get(n)
	fg.i64(maxListLen)
	fg.get(s)
	fg.strCount()
	fg.emit(wasmbin.OpI64ExtendI32U)
	fg.emit(wasmbin.OpI64DivU)
	fg.emit(wasmbin.OpI64GtU)
	fg.trapIf(abi.ErrMemory)
	fg.get(s)
	fg.strLen()
	fg.get(n)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emit(wasmbin.OpI32Mul)
	fg.tee(total)
	fg.get(s)
	fg.strCount()
	fg.get(n)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emit(wasmbin.OpI32Mul)
	fg.call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.tee(r)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.tee(d)
	fg.get(s)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(s)
	fg.strLen()
	fg.tee(done)
	fg.emit(wasmbin.OpMemCopy)
	fg.doubleCopy(d, done, total, c)
	fg.get(r)
}

// genBytesEq builds __ml_bytes_eq(p, q, n i32) -> i32: whether the n bytes
// at p and q are equal, eight at a time, then one at a time.
func genBytesEq(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"p", "q", "n"}
	const p, q, n = 0, 1, 2
	for _, wide := range []bool{true, false} {
		width, load, ne := int32(1), wasmbin.OpI32Load8U, wasmbin.OpI32Ne
		if wide {
			width, load, ne = 8, wasmbin.OpI64Load, wasmbin.OpI64Ne
		}
		fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
		fg.get(n)
		fg.i32(width)
		fg.emit(wasmbin.OpI32LtU)
		fg.emitImm(wasmbin.OpBrIf, 1)
		fg.get(p)
		fg.emitImm(load, 0)
		fg.get(q)
		fg.emitImm(load, 0)
		fg.emit(ne)
		fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.i32(0)
		fg.emit(wasmbin.OpReturn)
		fg.end()
		for _, x := range []uint32{p, q} {
			fg.get(x)
			fg.i32(width)
			fg.emit(wasmbin.OpI32Add)
			fg.set(x)
		}
		fg.get(n)
		fg.i32(width)
		fg.emit(wasmbin.OpI32Sub)
		fg.set(n)
		fg.emitImm(wasmbin.OpBr, 0)
		fg.end()
		fg.end()
	}
	fg.i32(1)
}

// genStrEq builds __ml_str_eq(a, b i32) -> i32: a == b.
func genStrEq(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	fg.get(a)
	fg.get(b)
	fg.emit(wasmbin.OpI32Eq)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(1)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(a)
	fg.strLen()
	fg.get(b)
	fg.strLen()
	fg.emit(wasmbin.OpI32Ne)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(0)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(a)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(b)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(a)
	fg.strLen()
	fg.call(fg.g.helper("__ml_bytes_eq", genBytesEq))
}

// genStrCmp builds __ml_str_cmp(a, b i32) -> i32: negative, zero or
// positive as a is below, equal to or above b in code point order (the
// first differing byte decides, then the length).
func genStrCmp(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	i, n, x, y := fg.named(wasmbin.I32, "i"), fg.named(wasmbin.I32, "n"), fg.named(wasmbin.I32, "x"), fg.named(wasmbin.I32, "y")
	// n = min(len(a), len(b)) in bytes
	fg.get(a)
	fg.strLen()
	fg.get(b)
	fg.strLen()
	fg.get(a)
	fg.strLen()
	fg.get(b)
	fg.strLen()
	fg.emit(wasmbin.OpI32LtU)
	fg.emit(wasmbin.OpSelect)
	fg.set(n)
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(i)
	fg.get(n)
	fg.emit(wasmbin.OpI32GeU)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(a)
	fg.get(i)
	fg.emit(wasmbin.OpI32Add)
	fg.emitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
	fg.tee(x)
	fg.get(b)
	fg.get(i)
	fg.emit(wasmbin.OpI32Add)
	fg.emitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
	fg.tee(y)
	fg.emit(wasmbin.OpI32Ne)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(x)
	fg.get(y)
	fg.emit(wasmbin.OpI32Sub)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(i)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(i)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	// equal prefixes: the shorter string is smaller (lengths < 2**31)
	fg.get(a)
	fg.strLen()
	fg.get(b)
	fg.strLen()
	fg.emit(wasmbin.OpI32Sub)
}

// returnStaticChar returns, from the helper being built, the static
// one-character string of the code point in local c when it is ASCII.
func (fg *fgen) returnStaticChar(c uint32) {
	fg.get(c)
	fg.i32(0x80)
	fg.emit(wasmbin.OpI32LtU)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(c)
	fg.i32(abi.StaticCharSize)
	fg.emit(wasmbin.OpI32Mul)
	fg.i32(abi.HeapBase)
	fg.emit(wasmbin.OpI32Add)
	fg.emit(wasmbin.OpReturn)
	fg.end()
}

// isLead turns the byte on the stack into 1 when it starts a UTF-8
// sequence and 0 when it continues one (0b10xxxxxx).
func (fg *fgen) isLead() {
	fg.i32(0xC0)
	fg.emit(wasmbin.OpI32And)
	fg.i32(0x80)
	fg.emit(wasmbin.OpI32Ne)
}

// charLen leaves the length in bytes of the UTF-8 sequence whose lead
// byte is on the stack: 1 below 0xC0 (ASCII), 2 below 0xE0, 3 below 0xF0,
// else 4. Without branches: the count of thresholds the byte reaches.
func (fg *fgen) charLen() {
	b := fg.temp(wasmbin.I32)
	fg.tee(b)
	fg.i32(0xC0)
	fg.emit(wasmbin.OpI32GeU)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.get(b)
	fg.i32(0xE0)
	fg.emit(wasmbin.OpI32GeU)
	fg.emit(wasmbin.OpI32Add)
	fg.get(b)
	fg.i32(0xF0)
	fg.emit(wasmbin.OpI32GeU)
	fg.emit(wasmbin.OpI32Add)
	fg.release(wasmbin.I32, b)
}

// genCharAt builds __ml_char_at(p i32) -> i32: the one-character string
// whose UTF-8 sequence starts at address p; static for ASCII.
func genCharAt(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"p"}
	const p = 0
	c, k, r := fg.named(wasmbin.I32, "c"), fg.named(wasmbin.I32, "k"), fg.named(wasmbin.I32, "r")
	fg.get(p)
	fg.emitImm(wasmbin.OpI32Load8U, 0)
	fg.set(c)
	fg.returnStaticChar(c)
	fg.get(c)
	fg.charLen()
	fg.tee(k)
	fg.i32(1)
	fg.call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.tee(r)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(p)
	fg.get(k)
	fg.emit(wasmbin.OpMemCopy)
	fg.get(r)
}

// genStrPos builds __ml_str_pos(s i32, i i64) -> i32, the address of the
// first byte of the character s[i]: a negative i counts from the end,
// IndexError out of range. ASCII strings are indexed by byte; others are
// scanned for the i-th lead byte (one that is not 0b10xxxxxx).
func genStrPos(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"s", "i"}
	const s, i = 0, 1
	p, k := fg.named(wasmbin.I32, "p"), fg.named(wasmbin.I32, "k")
	fg.get(i)
	fg.i64(0)
	fg.emit(wasmbin.OpI64LtS)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(i)
	fg.get(s)
	fg.strCount()
	fg.emit(wasmbin.OpI64ExtendI32U)
	fg.emit(wasmbin.OpI64Add)
	fg.set(i)
	fg.end()
	fg.get(i)
	fg.get(s)
	fg.strCount()
	fg.emit(wasmbin.OpI64ExtendI32U)
	fg.emit(wasmbin.OpI64GeU)
	fg.trapIf(abi.ErrIndex)
	fg.get(s)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.set(p)
	fg.get(s)
	fg.strLen()
	fg.get(s)
	fg.strCount()
	fg.emit(wasmbin.OpI32Eq)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(p)
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emit(wasmbin.OpI32Add)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	// k = i + 1 lead bytes still to pass; stop on the last one. Going on
	// from the last position found in the same string, forward or back
	// (s[i] in a loop over i), makes a pass over the string linear
	// instead of quadratic.
	ps, pi, po := int64(fg.g.posGlobal), int64(fg.g.posGlobal+1), int64(fg.g.posGlobal+2)
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(k)
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty) // found
	fg.get(s)
	fg.emitImm(wasmbin.OpGlobalGet, ps)
	fg.emit(wasmbin.OpI32Eq)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(p)
	fg.emitImm(wasmbin.OpGlobalGet, po)
	fg.emit(wasmbin.OpI32Add)
	fg.set(p)
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emitImm(wasmbin.OpGlobalGet, pi)
	fg.emit(wasmbin.OpI32GeU)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// forward: i - pi + 1 lead bytes from the remembered one
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emitImm(wasmbin.OpGlobalGet, pi)
	fg.emit(wasmbin.OpI32Sub)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(k)
	fg.emit(wasmbin.OpElse)
	// back: step over pi - i lead bytes before the remembered one
	fg.emitImm(wasmbin.OpGlobalGet, pi)
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emit(wasmbin.OpI32Sub)
	fg.set(k)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(k)
	fg.get(p)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Sub)
	fg.tee(p)
	fg.emitImm(wasmbin.OpI32Load8U, 0)
	fg.isLead()
	fg.emit(wasmbin.OpI32Sub)
	fg.tee(k)
	fg.emitImm(wasmbin.OpBrIf, 0)
	fg.end()
	fg.emitImm(wasmbin.OpBr, 2) // found
	fg.end()
	fg.end()
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(k)
	fg.get(p)
	fg.emitImm(wasmbin.OpI32Load8U, 0)
	fg.isLead()
	fg.emit(wasmbin.OpI32Sub)
	fg.tee(k)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(p)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(p)
	fg.emitImm(wasmbin.OpBr, 1)
	fg.end()
	fg.end()
	fg.end()
	fg.get(s)
	fg.emitImm(wasmbin.OpGlobalSet, ps)
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.emitImm(wasmbin.OpGlobalSet, pi)
	fg.get(p)
	fg.get(s)
	fg.emit(wasmbin.OpI32Sub)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Sub)
	fg.emitImm(wasmbin.OpGlobalSet, po)
	fg.get(p)
}

// genCharInto builds __ml_char_into(p, scratch i32) -> i32: the
// one-character string whose UTF-8 sequence starts at p, static for ASCII,
// else written into the string object scratch (which has room for four
// bytes) and returned.
func genCharInto(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"p", "scratch"}
	const p, scratch = 0, 1
	c, k := fg.named(wasmbin.I32, "c"), fg.named(wasmbin.I32, "k")
	fg.get(p)
	fg.emitImm(wasmbin.OpI32Load8U, 0)
	fg.set(c)
	fg.returnStaticChar(c)
	fg.get(scratch)
	fg.get(c)
	fg.charLen()
	fg.tee(k)
	fg.emitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	fg.get(scratch)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(p)
	fg.get(k)
	fg.emit(wasmbin.OpMemCopy)
	fg.get(scratch)
}

// genAtPos returns the builder of a helper (s i32, i i64) -> result that
// finds the character s[i] with __ml_str_pos and hands its address to the
// helper then, built by build.
func genAtPos(result wasmbin.ValType, then string, build func(*fgen)) func(*fgen) {
	return func(fg *fgen) {
		f := fg.f
		f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{result}}
		f.ParamNames = []string{"s", "i"}
		fg.get(0)
		fg.get(1)
		fg.call(fg.g.helper("__ml_str_pos", genStrPos))
		fg.call(fg.g.helper(then, build))
	}
}

// genStrAt builds __ml_str_at(s i32, i i64) -> i32, the string s[i].
var genStrAt = genAtPos(wasmbin.I32, "__ml_char_at", genCharAt)

// genOrdAt builds __ml_ord_at(s i32, i i64) -> i64, ord(s[i]) without
// making the one-character string.
var genOrdAt = genAtPos(wasmbin.I64, "__ml_decode", genDecode)

// genStrFind builds __ml_str_in(needle, hay i32) -> i32: whether needle
// occurs in hay (the empty string occurs everywhere).
func genStrFind(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"needle", "hay"}
	const needle, hay = 0, 1
	m, last, p := fg.named(wasmbin.I32, "m"), fg.named(wasmbin.I32, "last"), fg.named(wasmbin.I32, "p")
	fg.get(needle)
	fg.strLen()
	fg.tee(m)
	fg.get(hay)
	fg.strLen()
	fg.emit(wasmbin.OpI32GtU)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(0)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	// p runs over the start addresses hay+8 .. hay+8+len(hay)-m
	fg.get(hay)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.tee(p)
	fg.get(hay)
	fg.strLen()
	fg.emit(wasmbin.OpI32Add)
	fg.get(m)
	fg.emit(wasmbin.OpI32Sub)
	fg.set(last)
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(p)
	fg.get(last)
	fg.emit(wasmbin.OpI32GtU)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(p)
	fg.get(needle)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.get(m)
	fg.call(fg.g.helper("__ml_bytes_eq", genBytesEq))
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.i32(1)
	fg.emit(wasmbin.OpReturn)
	fg.end()
	fg.get(p)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(p)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	fg.i32(0)
}

// genOrd builds __ml_ord(s i32) -> i64, the code point of a
// one-character string. Any other length traps with ErrType (TypeError,
// as in Python).
func genOrd(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I64}}
	f.ParamNames = []string{"s"}
	const s = 0
	fg.get(s)
	fg.strCount()
	fg.i32(1)
	fg.emit(wasmbin.OpI32Ne)
	fg.trapIf(abi.ErrType)
	fg.get(s)
	fg.i32(abi.StrHeaderSize)
	fg.emit(wasmbin.OpI32Add)
	fg.call(fg.g.helper("__ml_decode", genDecode))
}

// genDecode builds __ml_decode(p i32) -> i64, the code point whose UTF-8
// sequence starts at address p.
func genDecode(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I64}}
	f.ParamNames = []string{"p"}
	const p = 0
	b0, k, cp, j := fg.named(wasmbin.I32, "b0"), fg.named(wasmbin.I32, "k"), fg.named(wasmbin.I32, "cp"), fg.named(wasmbin.I32, "j")
	fg.get(p)
	fg.emitImm(wasmbin.OpI32Load8U, 0)
	fg.tee(b0)
	fg.charLen()
	fg.set(k)
	// the lead byte keeps 7, 5, 4 or 3 bits: 0xFF >> (k + (k > 1))
	fg.get(b0)
	fg.i32(0xFF)
	fg.get(k)
	fg.get(k)
	fg.i32(1)
	fg.emit(wasmbin.OpI32GtU)
	fg.emit(wasmbin.OpI32Add)
	fg.emit(wasmbin.OpI32ShrU)
	fg.emit(wasmbin.OpI32And)
	fg.set(cp)
	fg.i32(1)
	fg.set(j)
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(j)
	fg.get(k)
	fg.emit(wasmbin.OpI32GeU)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(cp)
	fg.i32(6)
	fg.emit(wasmbin.OpI32Shl)
	fg.get(p)
	fg.get(j)
	fg.emit(wasmbin.OpI32Add)
	fg.emitImm(wasmbin.OpI32Load8U, 0)
	fg.i32(0x3F)
	fg.emit(wasmbin.OpI32And)
	fg.emit(wasmbin.OpI32Or)
	fg.set(cp)
	fg.get(j)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(j)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	fg.get(cp)
	fg.emit(wasmbin.OpI64ExtendI32U)
}

// genChr builds __ml_chr(i i64) -> i32, the string of code point i.
// Beyond the range of a C int it traps with ErrOverflow (Python raises
// OverflowError), outside 0..0x10FFFF with ErrValue. Surrogates are
// encoded like other code points, as abi.go says.
func genChr(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"i"}
	const i = 0
	c, k, r, j := fg.named(wasmbin.I32, "c"), fg.named(wasmbin.I32, "k"), fg.named(wasmbin.I32, "r"), fg.named(wasmbin.I32, "j")
	// i + 2**31 >= 2**32 (unsigned) iff i is outside [-2**31, 2**31)
	fg.get(i)
	fg.i64(1 << 31)
	fg.emit(wasmbin.OpI64Add)
	fg.i64(1 << 32)
	fg.emit(wasmbin.OpI64GeU)
	fg.trapIf(abi.ErrOverflow)
	fg.get(i)
	fg.i64(0x10FFFF)
	fg.emit(wasmbin.OpI64GtU) // also every negative i
	fg.trapIf(abi.ErrValue)
	fg.get(i)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.set(c)
	fg.returnStaticChar(c)
	// k = 2, 3 or 4 bytes
	fg.i32(2)
	fg.get(c)
	fg.i32(0x800)
	fg.emit(wasmbin.OpI32GeU)
	fg.emit(wasmbin.OpI32Add)
	fg.get(c)
	fg.i32(0x10000)
	fg.emit(wasmbin.OpI32GeU)
	fg.emit(wasmbin.OpI32Add)
	fg.tee(k)
	fg.i32(1)
	fg.call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.set(r)
	// continuation bytes from the last: 0x80 | (c & 0x3F), c >>= 6
	fg.get(k)
	fg.set(j)
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(j)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Sub)
	fg.tee(j)
	fg.emit(wasmbin.OpI32Eqz)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(r)
	fg.get(j)
	fg.emit(wasmbin.OpI32Add)
	fg.get(c)
	fg.i32(0x3F)
	fg.emit(wasmbin.OpI32And)
	fg.i32(0x80)
	fg.emit(wasmbin.OpI32Or)
	fg.emitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.get(c)
	fg.i32(6)
	fg.emit(wasmbin.OpI32ShrU)
	fg.set(c)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	// lead byte: 0xC0, 0xE0 or 0xF0 (0xF0 << (4 - k) & 0xFF) with the rest of c
	fg.get(r)
	fg.i32(0xF00)
	fg.i32(4)
	fg.get(k)
	fg.emit(wasmbin.OpI32Sub)
	fg.emit(wasmbin.OpI32Shl)
	fg.i32(4)
	fg.emit(wasmbin.OpI32ShrU)
	fg.i32(0xF0)
	fg.emit(wasmbin.OpI32And)
	fg.get(c)
	fg.emit(wasmbin.OpI32Or)
	fg.emitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.get(r)
}

// genStrOfInt builds __ml_str_int(v i64) -> i32, str(v) in decimal. The
// magnitude is taken as unsigned, so that the smallest i64 needs no care.
func genStrOfInt(fg *fgen) {
	f := fg.f
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"v"}
	const v = 0
	u, t := fg.named(wasmbin.I64, "u"), fg.named(wasmbin.I64, "t")
	n, r, p := fg.named(wasmbin.I32, "n"), fg.named(wasmbin.I32, "r"), fg.named(wasmbin.I32, "p")
	// u = |v| as unsigned; n = digits + sign
	fg.i64(0)
	fg.get(v)
	fg.emit(wasmbin.OpI64Sub)
	fg.get(v)
	fg.get(v)
	fg.i64(0)
	fg.emit(wasmbin.OpI64LtS)
	fg.emit(wasmbin.OpSelect)
	fg.tee(u)
	fg.set(t)
	fg.get(v)
	fg.i64(0)
	fg.emit(wasmbin.OpI64LtS)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(n)
	fg.begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(t)
	fg.i64(10)
	fg.emit(wasmbin.OpI64LtU)
	fg.emitImm(wasmbin.OpBrIf, 1)
	fg.get(t)
	fg.i64(10)
	fg.emit(wasmbin.OpI64DivU)
	fg.set(t)
	fg.get(n)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Add)
	fg.set(n)
	fg.emitImm(wasmbin.OpBr, 0)
	fg.end()
	fg.end()
	fg.get(n)
	fg.get(n)
	fg.call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.tee(r)
	fg.get(n)
	fg.emit(wasmbin.OpI32Add)
	fg.set(p)
	// digits from the last
	fg.begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.get(p)
	fg.i32(1)
	fg.emit(wasmbin.OpI32Sub)
	fg.tee(p)
	fg.get(u)
	fg.i64(10)
	fg.emit(wasmbin.OpI64RemU)
	fg.emit(wasmbin.OpI32WrapI64)
	fg.i32('0')
	fg.emit(wasmbin.OpI32Add)
	fg.emitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.get(u)
	fg.i64(10)
	fg.emit(wasmbin.OpI64DivU)
	fg.tee(u)
	fg.i64(0)
	fg.emit(wasmbin.OpI64Ne)
	fg.emitImm(wasmbin.OpBrIf, 0)
	fg.end()
	fg.get(v)
	fg.i64(0)
	fg.emit(wasmbin.OpI64LtS)
	fg.begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.get(r)
	fg.i32('-')
	fg.emitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.end()
	fg.get(r)
}

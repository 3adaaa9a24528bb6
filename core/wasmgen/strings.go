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
func (fg *fgen) strLen() { fg.EmitImm(wasmbin.OpI32Load, abi.StrLenOffset) }

// strCount leaves the code point count of the string on the stack,
// without the owned mark of strappend.go.
func (fg *fgen) strCount() {
	fg.EmitImm(wasmbin.OpI32Load, abi.StrCountOffset)
	fg.I32(strMark - 1)
	fg.Emit(wasmbin.OpI32And)
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
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"nbytes", "count"}
	const nbytes, count = 0, 1
	p := fg.Named(wasmbin.I32, "p")
	fg.Get(count)
	fg.I32(maxListLen)
	fg.Emit(wasmbin.OpI32GtU)
	fg.TrapIf(abi.ErrMemory)
	fg.Get(nbytes)
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.I64(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI64Add)
	fg.Call(fg.g.helper("__ml_new", genNew))
	fg.Tee(p)
	fg.Get(nbytes)
	fg.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	fg.Store(wasmbin.OpI32Store, p, abi.StrCountOffset, count)
	fg.Get(p)
}

// genStrCat builds __ml_str_cat(a, b i32) -> i32, the string a + b (a or b
// itself when the other is empty).
func genStrCat(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	r, na := fg.Named(wasmbin.I32, "r"), fg.Named(wasmbin.I32, "na")
	for _, x := range [][2]uint32{{b, a}, {a, b}} {
		fg.Get(x[0])
		fg.strLen()
		fg.Emit(wasmbin.OpI32Eqz)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.Get(x[1])
		fg.Emit(wasmbin.OpReturn)
		fg.End()
	}
	fg.Get(a)
	fg.strLen()
	fg.Tee(na)
	fg.Get(b)
	fg.strLen()
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(a)
	fg.strCount()
	fg.Get(b)
	fg.strCount()
	fg.Emit(wasmbin.OpI32Add)
	fg.Call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.Tee(r)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(a)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(na)
	fg.Emit(wasmbin.OpMemCopy)
	fg.Get(r)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(na)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(b)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(b)
	fg.strLen()
	fg.Emit(wasmbin.OpMemCopy)
	fg.Get(r)
}

// genStrRepeat builds __ml_str_repeat(s i32, n i64) -> i32, the string
// s * n: "" for n <= 0 or an empty s, s itself for n == 1; ErrMemory when
// the result would pass 2**28 code points. The first copy is then doubled
// with memory.copy, as list repetition does.
func genStrRepeat(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"s", "n"}
	const s, n = 0, 1
	r, d := fg.Named(wasmbin.I32, "r"), fg.Named(wasmbin.I32, "d")
	total, done, c := fg.Named(wasmbin.I32, "total"), fg.Named(wasmbin.I32, "done"), fg.Named(wasmbin.I32, "c")
	fg.Get(n)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LeS)
	fg.Get(s)
	fg.strLen()
	fg.Emit(wasmbin.OpI32Eqz)
	fg.Emit(wasmbin.OpI32Or)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(int32(fg.g.literal("")))
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(n)
	fg.I64(1)
	fg.Emit(wasmbin.OpI64Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(s)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	// n > maxListLen / count: too long (count >= 1 since s is not empty)
	fg.Get(n)
	fg.I64(maxListLen)
	fg.Get(s)
	fg.strCount()
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64DivU)
	fg.Emit(wasmbin.OpI64GtU)
	fg.TrapIf(abi.ErrMemory)
	fg.Get(s)
	fg.strLen()
	fg.Get(n)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Emit(wasmbin.OpI32Mul)
	fg.Tee(total)
	fg.Get(s)
	fg.strCount()
	fg.Get(n)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Emit(wasmbin.OpI32Mul)
	fg.Call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.Tee(r)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Tee(d)
	fg.Get(s)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(s)
	fg.strLen()
	fg.Tee(done)
	fg.Emit(wasmbin.OpMemCopy)
	fg.doubleCopy(d, done, total, c)
	fg.Get(r)
}

// genBytesEq builds __ml_bytes_eq(p, q, n i32) -> i32: whether the n bytes
// at p and q are equal, eight at a time, then one at a time.
func genBytesEq(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"p", "q", "n"}
	const p, q, n = 0, 1, 2
	for _, wide := range []bool{true, false} {
		width, load, ne := int32(1), wasmbin.OpI32Load8U, wasmbin.OpI32Ne
		if wide {
			width, load, ne = 8, wasmbin.OpI64Load, wasmbin.OpI64Ne
		}
		fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
		fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
		fg.Get(n)
		fg.I32(width)
		fg.Emit(wasmbin.OpI32LtU)
		fg.EmitImm(wasmbin.OpBrIf, 1)
		fg.Get(p)
		fg.EmitImm(load, 0)
		fg.Get(q)
		fg.EmitImm(load, 0)
		fg.Emit(ne)
		fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		fg.I32(0)
		fg.Emit(wasmbin.OpReturn)
		fg.End()
		for _, x := range []uint32{p, q} {
			fg.Get(x)
			fg.I32(width)
			fg.Emit(wasmbin.OpI32Add)
			fg.Set(x)
		}
		fg.Get(n)
		fg.I32(width)
		fg.Emit(wasmbin.OpI32Sub)
		fg.Set(n)
		fg.EmitImm(wasmbin.OpBr, 0)
		fg.End()
		fg.End()
	}
	fg.I32(1)
}

// genStrEq builds __ml_str_eq(a, b i32) -> i32: a == b.
func genStrEq(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	fg.Bin(wasmbin.OpI32Eq, a, b)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(1)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(a)
	fg.strLen()
	fg.Get(b)
	fg.strLen()
	fg.Emit(wasmbin.OpI32Ne)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(0)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(a)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(b)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(a)
	fg.strLen()
	fg.Call(fg.g.helper("__ml_bytes_eq", genBytesEq))
}

// genStrCmp builds __ml_str_cmp(a, b i32) -> i32: negative, zero or
// positive as a is below, equal to or above b in code point order (the
// first differing byte decides, then the length).
func genStrCmp(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"a", "b"}
	const a, b = 0, 1
	i, n, x, y := fg.Named(wasmbin.I32, "i"), fg.Named(wasmbin.I32, "n"), fg.Named(wasmbin.I32, "x"), fg.Named(wasmbin.I32, "y")
	// n = min(len(a), len(b)) in bytes
	fg.Get(a)
	fg.strLen()
	fg.Get(b)
	fg.strLen()
	fg.Get(a)
	fg.strLen()
	fg.Get(b)
	fg.strLen()
	fg.Emit(wasmbin.OpI32LtU)
	fg.Emit(wasmbin.OpSelect)
	fg.Set(n)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI32GeU, i, n)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Bin(wasmbin.OpI32Add, a, i)
	fg.EmitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
	fg.Tee(x)
	fg.Bin(wasmbin.OpI32Add, b, i)
	fg.EmitImm(wasmbin.OpI32Load8U, abi.StrHeaderSize)
	fg.Tee(y)
	fg.Emit(wasmbin.OpI32Ne)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI32Sub, x, y)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(i)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(i)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	// equal prefixes: the shorter string is smaller (lengths < 2**31)
	fg.Get(a)
	fg.strLen()
	fg.Get(b)
	fg.strLen()
	fg.Emit(wasmbin.OpI32Sub)
}

// returnStaticChar returns, from the helper being built, the static
// one-character string of the code point in local c when it is ASCII.
func (fg *fgen) returnStaticChar(c uint32) {
	fg.Get(c)
	fg.I32(0x80)
	fg.Emit(wasmbin.OpI32LtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(c)
	fg.I32(abi.StaticCharSize)
	fg.Emit(wasmbin.OpI32Mul)
	fg.I32(abi.HeapBase)
	fg.Emit(wasmbin.OpI32Add)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
}

// isLead turns the byte on the stack into 1 when it starts a UTF-8
// sequence and 0 when it continues one (0b10xxxxxx).
func (fg *fgen) isLead() {
	fg.I32(0xC0)
	fg.Emit(wasmbin.OpI32And)
	fg.I32(0x80)
	fg.Emit(wasmbin.OpI32Ne)
}

// charLen leaves the length in bytes of the UTF-8 sequence whose lead
// byte is on the stack: 1 below 0xC0 (ASCII), 2 below 0xE0, 3 below 0xF0,
// else 4. Without branches: the count of thresholds the byte reaches.
func (fg *fgen) charLen() {
	b := fg.Temp(wasmbin.I32)
	fg.Tee(b)
	fg.I32(0xC0)
	fg.Emit(wasmbin.OpI32GeU)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(b)
	fg.I32(0xE0)
	fg.Emit(wasmbin.OpI32GeU)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(b)
	fg.I32(0xF0)
	fg.Emit(wasmbin.OpI32GeU)
	fg.Emit(wasmbin.OpI32Add)
	fg.Release(wasmbin.I32, b)
}

// genCharAt builds __ml_char_at(p i32) -> i32: the one-character string
// whose UTF-8 sequence starts at address p; static for ASCII.
func genCharAt(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"p"}
	const p = 0
	c, k, r := fg.Named(wasmbin.I32, "c"), fg.Named(wasmbin.I32, "k"), fg.Named(wasmbin.I32, "r")
	fg.Load(wasmbin.OpI32Load8U, p, 0)
	fg.Set(c)
	fg.returnStaticChar(c)
	fg.Get(c)
	fg.charLen()
	fg.Tee(k)
	fg.I32(1)
	fg.Call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.Tee(r)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Bin(wasmbin.OpMemCopy, p, k)
	fg.Get(r)
}

// genStrPos builds __ml_str_pos(s i32, i i64) -> i32, the address of the
// first byte of the character s[i]: a negative i counts from the end,
// IndexError out of range. ASCII strings are indexed by byte; others are
// scanned for the i-th lead byte (one that is not 0b10xxxxxx).
func genStrPos(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"s", "i"}
	const s, i = 0, 1
	p, k := fg.Named(wasmbin.I32, "p"), fg.Named(wasmbin.I32, "k")
	fg.Get(i)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(i)
	fg.Get(s)
	fg.strCount()
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64Add)
	fg.Set(i)
	fg.End()
	fg.Get(i)
	fg.Get(s)
	fg.strCount()
	fg.Emit(wasmbin.OpI64ExtendI32U)
	fg.Emit(wasmbin.OpI64GeU)
	fg.TrapIf(abi.ErrIndex)
	fg.Get(s)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
	fg.Get(s)
	fg.strLen()
	fg.Get(s)
	fg.strCount()
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI32WrapI64, p, i)
	fg.Emit(wasmbin.OpI32Add)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	// k = i + 1 lead bytes still to pass; stop on the last one. Going on
	// from the last position found in the same string, forward or back
	// (s[i] in a loop over i), makes a pass over the string linear
	// instead of quadratic.
	ps, pi, po := int64(fg.g.posGlobal), int64(fg.g.posGlobal+1), int64(fg.g.posGlobal+2)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(k)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty) // found
	fg.Get(s)
	fg.EmitImm(wasmbin.OpGlobalGet, ps)
	fg.Emit(wasmbin.OpI32Eq)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(p)
	fg.EmitImm(wasmbin.OpGlobalGet, po)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.EmitImm(wasmbin.OpGlobalGet, pi)
	fg.Emit(wasmbin.OpI32GeU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	// forward: i - pi + 1 lead bytes from the remembered one
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.EmitImm(wasmbin.OpGlobalGet, pi)
	fg.Emit(wasmbin.OpI32Sub)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(k)
	fg.Emit(wasmbin.OpElse)
	// back: step over pi - i lead bytes before the remembered one
	fg.EmitImm(wasmbin.OpGlobalGet, pi)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Emit(wasmbin.OpI32Sub)
	fg.Set(k)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(k)
	fg.Get(p)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Sub)
	fg.Tee(p)
	fg.EmitImm(wasmbin.OpI32Load8U, 0)
	fg.isLead()
	fg.Emit(wasmbin.OpI32Sub)
	fg.Tee(k)
	fg.EmitImm(wasmbin.OpBrIf, 0)
	fg.End()
	fg.EmitImm(wasmbin.OpBr, 2) // found
	fg.End()
	fg.End()
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(k)
	fg.Load(wasmbin.OpI32Load8U, p, 0)
	fg.isLead()
	fg.Emit(wasmbin.OpI32Sub)
	fg.Tee(k)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(p)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
	fg.EmitImm(wasmbin.OpBr, 1)
	fg.End()
	fg.End()
	fg.End()
	fg.Get(s)
	fg.EmitImm(wasmbin.OpGlobalSet, ps)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.EmitImm(wasmbin.OpGlobalSet, pi)
	fg.Bin(wasmbin.OpI32Sub, p, s)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Sub)
	fg.EmitImm(wasmbin.OpGlobalSet, po)
	fg.Get(p)
}

// genCharInto builds __ml_char_into(p, scratch i32) -> i32: the
// one-character string whose UTF-8 sequence starts at p, static for ASCII,
// else written into the string object scratch (which has room for four
// bytes) and returned.
func genCharInto(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"p", "scratch"}
	const p, scratch = 0, 1
	c, k := fg.Named(wasmbin.I32, "c"), fg.Named(wasmbin.I32, "k")
	fg.Load(wasmbin.OpI32Load8U, p, 0)
	fg.Set(c)
	fg.returnStaticChar(c)
	fg.Get(scratch)
	fg.Get(c)
	fg.charLen()
	fg.Tee(k)
	fg.EmitImm(wasmbin.OpI32Store, abi.StrLenOffset)
	fg.Get(scratch)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Bin(wasmbin.OpMemCopy, p, k)
	fg.Get(scratch)
}

// genAtPos returns the builder of a helper (s i32, i i64) -> result that
// finds the character s[i] with __ml_str_pos and hands its address to the
// helper then, built by build.
func genAtPos(result wasmbin.ValType, then string, build func(*fgen)) func(*fgen) {
	return func(fg *fgen) {
		f := fg.F
		f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I64}, Results: []wasmbin.ValType{result}}
		f.ParamNames = []string{"s", "i"}
		fg.Get(0)
		fg.Get(1)
		fg.Call(fg.g.helper("__ml_str_pos", genStrPos))
		fg.Call(fg.g.helper(then, build))
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
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32, wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"needle", "hay"}
	const needle, hay = 0, 1
	m, last, p := fg.Named(wasmbin.I32, "m"), fg.Named(wasmbin.I32, "last"), fg.Named(wasmbin.I32, "p")
	fg.Get(needle)
	fg.strLen()
	fg.Tee(m)
	fg.Get(hay)
	fg.strLen()
	fg.Emit(wasmbin.OpI32GtU)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(0)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	// p runs over the start addresses hay+8 .. hay+8+len(hay)-m
	fg.Get(hay)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Tee(p)
	fg.Get(hay)
	fg.strLen()
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(m)
	fg.Emit(wasmbin.OpI32Sub)
	fg.Set(last)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI32GtU, p, last)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Get(p)
	fg.Get(needle)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(m)
	fg.Call(fg.g.helper("__ml_bytes_eq", genBytesEq))
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.I32(1)
	fg.Emit(wasmbin.OpReturn)
	fg.End()
	fg.Get(p)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.I32(0)
}

// genOrd builds __ml_ord(s i32) -> i64, the code point of a
// one-character string. Any other length traps with ErrType (TypeError,
// as in Python).
func genOrd(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I64}}
	f.ParamNames = []string{"s"}
	const s = 0
	fg.Get(s)
	fg.strCount()
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Ne)
	fg.TrapIf(abi.ErrType)
	fg.Get(s)
	fg.I32(abi.StrHeaderSize)
	fg.Emit(wasmbin.OpI32Add)
	fg.Call(fg.g.helper("__ml_decode", genDecode))
}

// genDecode builds __ml_decode(p i32) -> i64, the code point whose UTF-8
// sequence starts at address p.
func genDecode(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I32}, Results: []wasmbin.ValType{wasmbin.I64}}
	f.ParamNames = []string{"p"}
	const p = 0
	b0, k, cp, j := fg.Named(wasmbin.I32, "b0"), fg.Named(wasmbin.I32, "k"), fg.Named(wasmbin.I32, "cp"), fg.Named(wasmbin.I32, "j")
	fg.Load(wasmbin.OpI32Load8U, p, 0)
	fg.Tee(b0)
	fg.charLen()
	fg.Set(k)
	// the lead byte keeps 7, 5, 4 or 3 bits: 0xFF >> (k + (k > 1))
	fg.Get(b0)
	fg.I32(0xFF)
	fg.Get(k)
	fg.Get(k)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32GtU)
	fg.Emit(wasmbin.OpI32Add)
	fg.Emit(wasmbin.OpI32ShrU)
	fg.Emit(wasmbin.OpI32And)
	fg.Set(cp)
	fg.I32(1)
	fg.Set(j)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Bin(wasmbin.OpI32GeU, j, k)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Get(cp)
	fg.I32(6)
	fg.Emit(wasmbin.OpI32Shl)
	fg.Bin(wasmbin.OpI32Add, p, j)
	fg.EmitImm(wasmbin.OpI32Load8U, 0)
	fg.I32(0x3F)
	fg.Emit(wasmbin.OpI32And)
	fg.Emit(wasmbin.OpI32Or)
	fg.Set(cp)
	fg.Get(j)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(j)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.Get(cp)
	fg.Emit(wasmbin.OpI64ExtendI32U)
}

// genChr builds __ml_chr(i i64) -> i32, the string of code point i.
// Beyond the range of a C int it traps with ErrOverflow (Python raises
// OverflowError), outside 0..0x10FFFF with ErrValue. Surrogates are
// encoded like other code points, as abi.go says.
func genChr(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"i"}
	const i = 0
	c, k, r, j := fg.Named(wasmbin.I32, "c"), fg.Named(wasmbin.I32, "k"), fg.Named(wasmbin.I32, "r"), fg.Named(wasmbin.I32, "j")
	// i + 2**31 >= 2**32 (unsigned) iff i is outside [-2**31, 2**31)
	fg.Get(i)
	fg.I64(1 << 31)
	fg.Emit(wasmbin.OpI64Add)
	fg.I64(1 << 32)
	fg.Emit(wasmbin.OpI64GeU)
	fg.TrapIf(abi.ErrOverflow)
	fg.Get(i)
	fg.I64(0x10FFFF)
	fg.Emit(wasmbin.OpI64GtU) // also every negative i
	fg.TrapIf(abi.ErrValue)
	fg.Get(i)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.Set(c)
	fg.returnStaticChar(c)
	// k = 2, 3 or 4 bytes
	fg.I32(2)
	fg.Get(c)
	fg.I32(0x800)
	fg.Emit(wasmbin.OpI32GeU)
	fg.Emit(wasmbin.OpI32Add)
	fg.Get(c)
	fg.I32(0x10000)
	fg.Emit(wasmbin.OpI32GeU)
	fg.Emit(wasmbin.OpI32Add)
	fg.Tee(k)
	fg.I32(1)
	fg.Call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.Set(r)
	// continuation bytes from the last: 0x80 | (c & 0x3F), c >>= 6
	fg.Get(k)
	fg.Set(j)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(j)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Sub)
	fg.Tee(j)
	fg.Emit(wasmbin.OpI32Eqz)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Bin(wasmbin.OpI32Add, r, j)
	fg.Get(c)
	fg.I32(0x3F)
	fg.Emit(wasmbin.OpI32And)
	fg.I32(0x80)
	fg.Emit(wasmbin.OpI32Or)
	fg.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.Get(c)
	fg.I32(6)
	fg.Emit(wasmbin.OpI32ShrU)
	fg.Set(c)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	// lead byte: 0xC0, 0xE0 or 0xF0 (0xF0 << (4 - k) & 0xFF) with the rest of c
	fg.Get(r)
	fg.I32(0xF00)
	fg.I32(4)
	fg.Get(k)
	fg.Emit(wasmbin.OpI32Sub)
	fg.Emit(wasmbin.OpI32Shl)
	fg.I32(4)
	fg.Emit(wasmbin.OpI32ShrU)
	fg.I32(0xF0)
	fg.Emit(wasmbin.OpI32And)
	fg.Get(c)
	fg.Emit(wasmbin.OpI32Or)
	fg.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.Get(r)
}

// genStrOfInt builds __ml_str_int(v i64) -> i32, str(v) in decimal. The
// magnitude is taken as unsigned, so that the smallest i64 needs no care.
func genStrOfInt(fg *fgen) {
	f := fg.F
	f.Type = wasmbin.FuncType{Params: []wasmbin.ValType{wasmbin.I64}, Results: []wasmbin.ValType{wasmbin.I32}}
	f.ParamNames = []string{"v"}
	const v = 0
	u, t := fg.Named(wasmbin.I64, "u"), fg.Named(wasmbin.I64, "t")
	n, r, p := fg.Named(wasmbin.I32, "n"), fg.Named(wasmbin.I32, "r"), fg.Named(wasmbin.I32, "p")
	// u = |v| as unsigned; n = digits + sign
	fg.I64(0)
	fg.Get(v)
	fg.Emit(wasmbin.OpI64Sub)
	fg.Get(v)
	fg.Get(v)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Emit(wasmbin.OpSelect)
	fg.Tee(u)
	fg.Set(t)
	fg.Get(v)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(n)
	fg.Begin(wasmbin.OpBlock, wasmbin.BlockEmpty)
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(t)
	fg.I64(10)
	fg.Emit(wasmbin.OpI64LtU)
	fg.EmitImm(wasmbin.OpBrIf, 1)
	fg.Get(t)
	fg.I64(10)
	fg.Emit(wasmbin.OpI64DivU)
	fg.Set(t)
	fg.Get(n)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(n)
	fg.EmitImm(wasmbin.OpBr, 0)
	fg.End()
	fg.End()
	fg.Get(n)
	fg.Get(n)
	fg.Call(fg.g.helper("__ml_str_alloc", genStrAlloc))
	fg.Tee(r)
	fg.Get(n)
	fg.Emit(wasmbin.OpI32Add)
	fg.Set(p)
	// digits from the last
	fg.Begin(wasmbin.OpLoop, wasmbin.BlockEmpty)
	fg.Get(p)
	fg.I32(1)
	fg.Emit(wasmbin.OpI32Sub)
	fg.Tee(p)
	fg.Get(u)
	fg.I64(10)
	fg.Emit(wasmbin.OpI64RemU)
	fg.Emit(wasmbin.OpI32WrapI64)
	fg.I32('0')
	fg.Emit(wasmbin.OpI32Add)
	fg.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.Get(u)
	fg.I64(10)
	fg.Emit(wasmbin.OpI64DivU)
	fg.Tee(u)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64Ne)
	fg.EmitImm(wasmbin.OpBrIf, 0)
	fg.End()
	fg.Get(v)
	fg.I64(0)
	fg.Emit(wasmbin.OpI64LtS)
	fg.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
	fg.Get(r)
	fg.I32('-')
	fg.EmitImm(wasmbin.OpI32Store8, abi.StrHeaderSize)
	fg.End()
	fg.Get(r)
}

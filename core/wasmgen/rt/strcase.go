package rt

import (
	"encoding/binary"
	"unicode"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// lower() and upper() of text beyond ASCII. Python maps each code point
// by Unicode's full case mapping. Below U+0180 (Latin-1 and Latin
// Extended-A: the letters of French, German, Spanish, Italian,
// Portuguese, Polish, Dutch, Swedish, Danish and Finnish) the mapping is
// one code point to one, but for ß and ŉ, whose upper case is two
// characters, and İ, whose lower case is two: a table of 384 entries
// (caseTable) gives each mapping, and those three trap with
// ErrUnsupported, so the call re-runs in Python. Above, the code points
// with a case mapping in any CPython from 3.10 lie in a few blocks
// (caseBlocks: Latin Extended-B to Armenian, Georgian, Cherokee, Greek
// Extended, the letterlike symbols, Glagolitic, Coptic, Cyrillic and
// Latin extensions, the fullwidth letters, Deseret to Garay, Warang
// Citi, Medefaidrin, Adlam); a character in them traps too, with the
// final sigma of Greek, which depends on its neighbours. Every other
// character (Devanagari, Arabic, Hebrew, kana, ideographs, emoji) has no
// case and stays as it is. The mapped string never has more bytes than
// the source (the table's values below U+0800 take at most two bytes, as
// the characters below U+0180 do), and as many code points.

// caseBlocks are the ranges of code points from U+0180 that may have a
// case mapping (see above), widened to whole blocks and beyond what
// CPython 3.13 maps, so that a later Unicode's new pairs in them trap
// too.
var caseBlocks = [][2]int32{
	{0x0180, 0x058F}, {0x10A0, 0x10FF}, {0x13A0, 0x13FF}, {0x1C80, 0x1CBF}, {0x1D00, 0x1FFF},
	{0x2100, 0x218F}, {0x24B6, 0x24E9}, {0x2C00, 0x2D2F}, {0xA640, 0xA7FF}, {0xAB30, 0xABBF},
	{0xFB00, 0xFB17}, {0xFF21, 0xFF5A}, {0x10400, 0x10FFF}, {0x118A0, 0x118FF}, {0x16E40, 0x16E9F},
	{0x1E900, 0x1E95F},
}

// caseSpecial marks in caseTable a code point whose mapping is not one
// code point.
const caseSpecial = 0xFFFF

// caseTable returns the mappings of the code points below U+0180, two
// bytes each (caseSpecial for ß and ŉ in upper case, İ in lower case).
func caseTable(upper bool) []byte {
	b := make([]byte, 2*0x180)
	for c := rune(0); c < 0x180; c++ {
		m := unicode.ToLower(c)
		if upper {
			m = unicode.ToUpper(c)
		}
		if upper && (c == 0xDF || c == 0x149) || !upper && c == 0x130 {
			m = caseSpecial
		} else if m >= 0x800 {
			panic("a case mapping below U+0180 beyond two UTF-8 bytes") // the writer assumes two at most
		}
		binary.LittleEndian.PutUint16(b[2*c:], uint16(m))
	}
	return b
}

// StrCaseWide returns __ml_str_lower_wide or __ml_str_upper_wide(s i32)
// -> i32: lower() or upper() of a string beyond ASCII (see above).
func (r *Runtime) strCaseWide(upper bool) uint32 {
	name := "__ml_str_lower_wide"
	if upper {
		name = "__ml_str_upper_wide"
	}
	return r.str(name, func(h *fn) { buildStrCaseWide(h, upper) })
}

// buildStrCaseWide builds the helper: a first walk over the characters
// sums the mapped bytes (and traps where Python must map), a second
// writes them.
func buildStrCaseWide(h *fn, upper bool) {
	h.signature([]wasmbin.ValType{wasmbin.I32}, []string{"s"}, wasmbin.I32)
	const s = 0
	p, end, cp, w, m := h.Named(wasmbin.I32, "p"), h.Named(wasmbin.I32, "end"),
		h.Named(wasmbin.I32, "cp"), h.Named(wasmbin.I32, "w"), h.Named(wasmbin.I32, "m")
	nb, r, dst := h.Named(wasmbin.I32, "nb"), h.Named(wasmbin.I32, "r"), h.Named(wasmbin.I32, "dst")
	table := int32(h.r.Table(caseTable(upper)))
	// walk sets, for each character at p, w to its length and m to its
	// mapping's code point, then runs each
	walk := func(each func()) {
		h.strBytes(s)
		h.Tee(p)
		h.Get(s)
		h.strLen()
		h.Emit(wasmbin.OpI32Add)
		h.Set(end)
		h.Until(func() { h.Bin(wasmbin.OpI32GeU, p, end) }, func() {
			h.Load(wasmbin.OpI32Load8U, p, 0)
			h.charLen()
			h.Set(w)
			h.Get(p)
			h.Call(h.r.Decode()) // strings.go
			h.Emit(wasmbin.OpI32WrapI64)
			h.Set(cp)
			// the blocks with case mappings trap
			for _, b := range caseBlocks {
				h.Get(cp)
				h.I32(b[0])
				h.Emit(wasmbin.OpI32Sub)
				h.I32(b[1] - b[0])
				h.Emit(wasmbin.OpI32LeU)
				h.TrapIf(abi.ErrUnsupported)
			}
			h.Get(cp)
			h.Set(m)
			h.BinI32(wasmbin.OpI32LtU, cp, 0x180)
			h.When(func() {
				h.Get(cp)
				h.I32(1)
				h.Emit(wasmbin.OpI32Shl)
				h.EmitImm(wasmbin.OpI32Load16U, int64(table))
				h.Tee(m)
				h.I32(caseSpecial)
				h.Emit(wasmbin.OpI32Eq)
				h.TrapIf(abi.ErrUnsupported)
			})
			each()
			h.Bin(wasmbin.OpI32Add, p, w)
			h.Set(p)
		})
	}
	// outLen pushes the UTF-8 length of m: 1 below 0x80, else 2 (the
	// table's values and the characters below U+0180), else w (unchanged)
	outLen := func() {
		h.BinI32(wasmbin.OpI32LtU, m, 0x80)
		h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
		h.I32(1)
		h.Emit(wasmbin.OpElse)
		h.BinI32(wasmbin.OpI32LtU, cp, 0x180)
		h.Begin(wasmbin.OpIf, wasmbin.BlockType(wasmbin.I32))
		h.I32(2)
		h.Emit(wasmbin.OpElse)
		h.Get(w)
		h.End()
		h.End()
	}
	h.I32(0)
	h.Set(nb)
	walk(func() {
		h.Get(nb)
		outLen()
		h.Emit(wasmbin.OpI32Add)
		h.Set(nb)
	})
	h.Get(nb)
	h.Get(s)
	h.strCount()
	h.Call(h.r.StrAlloc())
	h.Tee(r)
	h.I32(abi.StrHeaderSize)
	h.Emit(wasmbin.OpI32Add)
	h.Set(dst)
	walk(func() {
		h.BinI32(wasmbin.OpI32LtU, m, 0x80)
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		h.Store(wasmbin.OpI32Store8, dst, 0, m)
		h.AddI32(dst, 1)
		h.Emit(wasmbin.OpElse)
		h.BinI32(wasmbin.OpI32LtU, cp, 0x180)
		h.Begin(wasmbin.OpIf, wasmbin.BlockEmpty)
		// two bytes: 110xxxxx 10xxxxxx (m < 0x800)
		h.Get(dst)
		h.Get(m)
		h.I32(6)
		h.Emit(wasmbin.OpI32ShrU)
		h.I32(0xC0)
		h.Emit(wasmbin.OpI32Or)
		h.EmitImm(wasmbin.OpI32Store8, 0)
		h.Get(dst)
		h.Get(m)
		h.I32(0x3F)
		h.Emit(wasmbin.OpI32And)
		h.I32(0x80)
		h.Emit(wasmbin.OpI32Or)
		h.EmitImm(wasmbin.OpI32Store8, 1)
		h.AddI32(dst, 2)
		h.Emit(wasmbin.OpElse)
		h.copyBytes(dst, p, w) // no case: the bytes as they are
		h.Bin(wasmbin.OpI32Add, dst, w)
		h.Set(dst)
		h.End()
		h.End()
	})
	h.Get(r)
}

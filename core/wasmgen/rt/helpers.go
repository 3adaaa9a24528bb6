package rt

import "github.com/multilingualprogramming/multilingual/internal/wasmbin"

// The helpers, by what lowering asks for. Each method returns the
// function index of its helper, building it (and the helpers it calls) on
// first request, and adds the features it needs (UseHeap, UseStrings, the
// host table). The package documentation states each one's contract.

// NewBytes returns __ml_new(n i64) -> i32.
func (r *Runtime) NewBytes() uint32 {
	r.UseHeap()
	return r.helper("__ml_new", buildNew)
}

// ListNew returns __ml_list(n i64) -> i32 for slots of width w.
func (r *Runtime) ListNew(w SlotWidth) uint32 { return r.listHelper("__ml_list", w, buildListNew) }

// Grow returns __ml_grow(l i32) for slots of width w.
func (r *Runtime) Grow(w SlotWidth) uint32 { return r.listHelper("__ml_grow", w, buildGrow) }

// Extend returns __ml_extend(a, b i32) for slots of width w: a.extend(b).
func (r *Runtime) Extend(w SlotWidth) uint32 { return r.listHelper("__ml_extend", w, buildExtend) }

// Pop returns __ml_pop(l i32, i i64) -> i64 for slots of width w.
func (r *Runtime) Pop(w SlotWidth) uint32 { return r.listHelper("__ml_pop", w, buildPop) }

// Repeat returns __ml_repeat(l i32, n i64) -> i32 for slots of width w.
func (r *Runtime) Repeat(w SlotWidth) uint32 { return r.listHelper("__ml_repeat", w, buildRepeat) }

// Concat returns __ml_concat(a, b i32) -> i32 for slots of width w.
func (r *Runtime) Concat(w SlotWidth) uint32 { return r.listHelper("__ml_concat", w, buildConcat) }

// str returns the string helper name, built by build.
func (r *Runtime) str(name string, build func(*fn)) uint32 {
	r.UseStrings()
	return r.helper(name, build)
}

// StrAlloc returns __ml_str_alloc(nbytes, count i32) -> i32.
func (r *Runtime) StrAlloc() uint32 { return r.str("__ml_str_alloc", buildStrAlloc) }

// StrCat returns __ml_str_cat(a, b i32) -> i32.
func (r *Runtime) StrCat() uint32 { return r.str("__ml_str_cat", buildStrCat) }

// StrRepeat returns __ml_str_repeat(s i32, n i64) -> i32.
func (r *Runtime) StrRepeat() uint32 { return r.str("__ml_str_repeat", buildStrRepeat) }

// BytesEq returns __ml_bytes_eq(p, q, n i32) -> i32.
func (r *Runtime) BytesEq() uint32 { return r.str("__ml_bytes_eq", buildBytesEq) }

// StrEq returns __ml_str_eq(a, b i32) -> i32.
func (r *Runtime) StrEq() uint32 { return r.str("__ml_str_eq", buildStrEq) }

// StrCmp returns __ml_str_cmp(a, b i32) -> i32.
func (r *Runtime) StrCmp() uint32 { return r.str("__ml_str_cmp", buildStrCmp) }

// StrIn returns __ml_str_in(needle, hay i32) -> i32.
func (r *Runtime) StrIn() uint32 { return r.str("__ml_str_in", buildStrFind) }

// StrPos returns __ml_str_pos(s i32, i i64) -> i32.
func (r *Runtime) StrPos() uint32 { return r.str("__ml_str_pos", buildStrPos) }

// CharAt returns __ml_char_at(p i32) -> i32.
func (r *Runtime) CharAt() uint32 { return r.str("__ml_char_at", buildCharAt) }

// CharInto returns __ml_char_into(p, scratch i32) -> i32.
func (r *Runtime) CharInto() uint32 { return r.str("__ml_char_into", buildCharInto) }

// StrAt returns __ml_str_at(s i32, i i64) -> i32.
func (r *Runtime) StrAt() uint32 {
	return r.str("__ml_str_at", buildAtPos(wasmbin.I32, (*Runtime).CharAt))
}

// OrdAt returns __ml_ord_at(s i32, i i64) -> i64.
func (r *Runtime) OrdAt() uint32 {
	return r.str("__ml_ord_at", buildAtPos(wasmbin.I64, (*Runtime).Decode))
}

// Decode returns __ml_decode(p i32) -> i64.
func (r *Runtime) Decode() uint32 { return r.str("__ml_decode", buildDecode) }

// Ord returns __ml_ord(s i32) -> i64.
func (r *Runtime) Ord() uint32 { return r.str("__ml_ord", buildOrd) }

// Chr returns __ml_chr(i i64) -> i32.
func (r *Runtime) Chr() uint32 { return r.str("__ml_chr", buildChr) }

// StrOfInt returns __ml_str_int(v i64) -> i32.
func (r *Runtime) StrOfInt() uint32 { return r.str("__ml_str_int", buildStrOfInt) }

// StrAppend returns __ml_str_append(r, x, fresh i32) -> i32.
func (r *Runtime) StrAppend() uint32 { return r.str("__ml_str_append", buildStrAppend) }

// IPow returns __ml_ipow(base, exp i64) -> i64.
func (r *Runtime) IPow() uint32 { return r.helper("__ml_ipow", buildIPow) }

// Fmod returns __ml_fmod(x, y f64) -> f64.
func (r *Runtime) Fmod() uint32 { return r.helper("__ml_fmod", buildFmod) }

// FloatMod returns __ml_fmod_py(x, y f64) -> f64.
func (r *Runtime) FloatMod() uint32 { return r.helper("__ml_fmod_py", buildFloatMod) }

// FloatFloorDiv returns __ml_ffloordiv(x, y f64) -> f64.
func (r *Runtime) FloatFloorDiv() uint32 { return r.helper("__ml_ffloordiv", buildFloatFloorDiv) }

// CmpIntFloat returns __ml_cmp_if(i i64, x f64) -> i32.
func (r *Runtime) CmpIntFloat() uint32 { return r.helper("__ml_cmp_if", buildCmpIntFloat) }

// FloatPow returns __ml_fpow(x, y f64) -> f64, and gives the module its
// host table.
func (r *Runtime) FloatPow() uint32 { return r.helper("__ml_fpow", buildFloatPow) }

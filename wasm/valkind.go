package wasm

import "github.com/bytecodealliance/wasmtime-go/v39"

// A ValKind is the type of a WebAssembly parameter or result. Its values
// are those of wasm.h's wasm_valkind_enum for the numeric types, and
// ML_I32..ML_F64 in fastcall.h.
type ValKind uint8

// The value kinds. KindOther stands for reference and vector types, which
// only the reflective call path can see.
const (
	KindI32   ValKind = 0
	KindI64   ValKind = 1
	KindF32   ValKind = 2
	KindF64   ValKind = 3
	KindOther ValKind = 255
)

// String returns the WebAssembly text name of k ("i32", "f64"), or "other".
func (k ValKind) String() string {
	switch k {
	case KindI32:
		return "i32"
	case KindI64:
		return "i64"
	case KindF32:
		return "f32"
	case KindF64:
		return "f64"
	}
	return "other"
}

// kindOf converts a wasmtime value type.
func kindOf(t *wasmtime.ValType) ValKind {
	switch t.Kind() {
	case wasmtime.KindI32:
		return KindI32
	case wasmtime.KindI64:
		return KindI64
	case wasmtime.KindF32:
		return KindF32
	case wasmtime.KindF64:
		return KindF64
	}
	return KindOther
}

// kindsOf converts a list of wasmtime value types.
func kindsOf(ts []*wasmtime.ValType) []ValKind {
	out := make([]ValKind, len(ts))
	for i, t := range ts {
		out[i] = kindOf(t)
	}
	return out
}

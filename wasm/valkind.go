package wasm

import (
	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

// A ValKind is the type of a WebAssembly parameter or result: the value
// kind of the module ABI (core/abi), ML_I32..ML_F64 in fastcall.h.
type ValKind = abi.ValKind

// The value kinds. KindOther stands for reference and vector types, which
// only the reflective call path can see.
const (
	KindI32   = abi.KindI32
	KindI64   = abi.KindI64
	KindF32   = abi.KindF32
	KindF64   = abi.KindF64
	KindOther = abi.KindOther
)

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

// kindOfType converts a value type as the decoder reads it: the numeric
// types as themselves, any other as KindOther.
func kindOfType(t wasmbin.ValType) ValKind {
	switch t {
	case wasmbin.I32:
		return KindI32
	case wasmbin.I64:
		return KindI64
	case wasmbin.F32:
		return KindF32
	case wasmbin.F64:
		return KindF64
	}
	return KindOther
}

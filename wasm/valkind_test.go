package wasm

import (
	"testing"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

func TestValKind(t *testing.T) {
	tests := []struct {
		in   wasmtime.ValKind
		want ValKind
		name string
	}{
		{wasmtime.KindI32, KindI32, "i32"},
		{wasmtime.KindI64, KindI64, "i64"},
		{wasmtime.KindF32, KindF32, "f32"},
		{wasmtime.KindF64, KindF64, "f64"},
		{wasmtime.KindExternref, KindOther, "other"},
		{wasmtime.KindFuncref, KindOther, "other"},
	}
	for _, tt := range tests {
		got := kindOf(wasmtime.NewValType(tt.in))
		if got != tt.want || got.String() != tt.name {
			t.Errorf("kindOf(%v) = %v (%q), want %v (%q)", tt.in, got, got, tt.want, tt.name)
		}
	}
}

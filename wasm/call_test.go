package wasm

import (
	"errors"
	"math"
	"reflect"
	"testing"
)

func TestCall(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	tests := []struct {
		name string
		args []any
		want []any
	}{
		{"add", []any{2, 3}, []any{int64(5)}},
		{"add", []any{int64(math.MaxInt64), int32(1)}, []any{int64(math.MinInt64)}}, // wraps: wasm add
		{"add", []any{true, false}, []any{int64(1)}},
		{"noop", nil, []any{}},
		{"fadd", []any{1.5, 2}, []any{3.5}},
		{"f32id", []any{float32(0.25)}, []any{float32(0.25)}},
		{"is_pos", []any{5}, []any{int32(1)}},
		{"is_pos", []any{-5}, []any{int32(0)}},
		{"pair", nil, []any{int64(7), 2.5}},
	}
	for _, tt := range tests {
		got, err := inst.Call(tt.name, tt.args...)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Call(%s, %v) = %v, %v; want %v", tt.name, tt.args, got, err, tt.want)
		}
	}
}

func TestCallBadArgs(t *testing.T) {
	inst := newTestInstance(t, testWAT)
	tests := []struct {
		name string
		args []any
	}{
		{"add", []any{1}},
		{"add", []any{1, 2, 3}},
		{"add", []any{1.5, 2}},
		{"add", []any{"x", 2}},
		{"load", []any{int64(1) << 40}},
		{"fadd", []any{nil, 1.0}},
	}
	for _, tt := range tests {
		_, err := inst.Call(tt.name, tt.args...)
		var ae *ArgError
		if !errors.As(err, &ae) {
			t.Errorf("Call(%s, %v) error = %v, want ArgError", tt.name, tt.args, err)
		}
	}
	var ee *ExportError
	if _, err := inst.Call("missing"); !errors.As(err, &ee) {
		t.Errorf("Call(missing) error = %v, want ExportError", err)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, k := range []ValKind{KindI32, KindI64, KindF32, KindF64} {
		w, err := encodeArg(-3, k)
		if err != nil {
			t.Fatal(err)
		}
		got := decodeResult(w, k)
		if reflect.ValueOf(got).Convert(reflect.TypeOf(float64(0))).Float() != -3 {
			t.Errorf("%v: round trip of -3 gave %v", k, got)
		}
	}
	if _, err := encodeArg(1, KindOther); err == nil {
		t.Error("encodeArg to KindOther succeeded")
	}
}

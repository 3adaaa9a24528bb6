package wasmbin

import (
	"bytes"
	"math"
	"testing"
)

func TestUleb128(t *testing.T) {
	tests := []struct {
		v    uint64
		want []byte
	}{
		{0, []byte{0x00}},
		{1, []byte{0x01}},
		{127, []byte{0x7f}},
		{128, []byte{0x80, 0x01}},
		{255, []byte{0xff, 0x01}},
		{624485, []byte{0xe5, 0x8e, 0x26}},
		{math.MaxUint32, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}},
		{math.MaxUint64, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
	}
	for _, tt := range tests {
		if got := AppendUleb128(nil, tt.v); !bytes.Equal(got, tt.want) {
			t.Errorf("Uleb128(%d) = %x, want %x", tt.v, got, tt.want)
		}
	}
}

func TestSleb128(t *testing.T) {
	tests := []struct {
		v    int64
		want []byte
	}{
		{0, []byte{0x00}},
		{1, []byte{0x01}},
		{-1, []byte{0x7f}},
		{63, []byte{0x3f}},
		{64, []byte{0xc0, 0x00}},
		{-64, []byte{0x40}},
		{-65, []byte{0xbf, 0x7f}},
		{127, []byte{0xff, 0x00}},
		{-128, []byte{0x80, 0x7f}},
		{-123456, []byte{0xc0, 0xbb, 0x78}},
		{math.MaxInt32, []byte{0xff, 0xff, 0xff, 0xff, 0x07}},
		{math.MinInt32, []byte{0x80, 0x80, 0x80, 0x80, 0x78}},
		{math.MaxInt64, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00}},
		{math.MinInt64, []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f}},
	}
	for _, tt := range tests {
		if got := AppendSleb128(nil, tt.v); !bytes.Equal(got, tt.want) {
			t.Errorf("Sleb128(%d) = %x, want %x", tt.v, got, tt.want)
		}
	}
}

// TestUlebLen checks ulebLen against the bytes AppendUleb128 writes.
func TestUlebLen(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 16383, 16384, 1 << 35, math.MaxUint64} {
		if got, want := ulebLen(v), len(AppendUleb128(nil, v)); got != want {
			t.Errorf("ulebLen(%d) = %d, want %d", v, got, want)
		}
	}
}

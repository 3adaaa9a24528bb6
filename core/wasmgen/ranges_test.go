package wasmgen

import (
	"math"
	"testing"
)

func TestIntervalArithmetic(t *testing.T) {
	const max, min = math.MaxInt64, math.MinInt64
	tests := []struct {
		name string
		got  interval
		want interval
	}{
		{"add", addRange(interval{0, 10}, interval{1, 1}), interval{1, 11}},
		{"add sat", addRange(interval{0, max - 1}, interval{1, 2}), interval{1, max}},
		{"sub", subRange(interval{0, 10}, interval{-1, 3}), interval{-3, 11}},
		{"sub min", subRange(interval{-5, -5}, interval{min, min}), interval{max - 4, max - 4}},
		{"sub sat", subRange(interval{min, 0}, interval{1, 1}), interval{min, -1}},
		{"mul", mulRange(interval{-2, 3}, interval{-5, 7}), interval{-15, 21}},
		{"mul sat", mulRange(interval{0, max - 1}, interval{0, max - 1}), interval{0, max}},
		{"floordiv", floorDivRange(interval{-7, 7}, interval{2, 3}), interval{-4, 3}},
		{"floordiv nonpos", floorDivRange(interval{1, 2}, interval{0, 3}), fullRange},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	safe := []struct {
		name string
		got  bool
		want bool
	}{
		{"add", addSafe(interval{0, max - 1}, interval{1, 1}), true},
		{"add edge", addSafe(interval{0, max - 1}, interval{1, 2}), false},
		{"add neg", addSafe(interval{min + 1, 0}, interval{-1, 0}), true},
		{"add neg edge", addSafe(interval{min, 0}, interval{-1, 0}), false},
		{"sub", subSafe(interval{0, 5}, interval{-3, 5}), true},
		{"sub edge", subSafe(interval{-1, 5}, interval{-3, max}), true},
		{"sub over", subSafe(interval{-1, 5}, interval{min + 1, max}), false},
		{"sub min", subSafe(interval{0, 0}, interval{min, 0}), false},
		{"mul", mulSafe(interval{-3037000499, 3037000499}, interval{-3037000499, 3037000499}), true},
		{"mul edge", mulSafe(interval{0, 3037000500}, interval{0, 3037000500}), false},
		{"mul min", mulSafe(interval{-1, 0}, interval{min, 0}), false},
	}
	for _, tt := range safe {
		if tt.got != tt.want {
			t.Errorf("%s safe = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

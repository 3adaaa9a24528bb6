package plan

import (
	"math"
	"testing"
)

func TestIntervalArithmetic(t *testing.T) {
	const max, min = math.MaxInt64, math.MinInt64
	tests := []struct {
		name string
		got  Interval
		want Interval
	}{
		{"add", AddRange(Interval{0, 10}, Interval{1, 1}), Interval{1, 11}},
		{"add sat", AddRange(Interval{0, max - 1}, Interval{1, 2}), Interval{1, max}},
		{"sub", SubRange(Interval{0, 10}, Interval{-1, 3}), Interval{-3, 11}},
		{"sub min", SubRange(Interval{-5, -5}, Interval{min, min}), Interval{max - 4, max - 4}},
		{"sub sat", SubRange(Interval{min, 0}, Interval{1, 1}), Interval{min, -1}},
		{"mul", MulRange(Interval{-2, 3}, Interval{-5, 7}), Interval{-15, 21}},
		{"mul sat", MulRange(Interval{0, max - 1}, Interval{0, max - 1}), Interval{0, max}},
		{"floordiv", FloorDivRange(Interval{-7, 7}, Interval{2, 3}), Interval{-4, 3}},
		{"floordiv nonpos", FloorDivRange(Interval{1, 2}, Interval{0, 3}), FullRange},
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
		{"add", AddSafe(Interval{0, max - 1}, Interval{1, 1}), true},
		{"add edge", AddSafe(Interval{0, max - 1}, Interval{1, 2}), false},
		{"add neg", AddSafe(Interval{min + 1, 0}, Interval{-1, 0}), true},
		{"add neg edge", AddSafe(Interval{min, 0}, Interval{-1, 0}), false},
		{"sub", SubSafe(Interval{0, 5}, Interval{-3, 5}), true},
		{"sub edge", SubSafe(Interval{-1, 5}, Interval{-3, max}), true},
		{"sub over", SubSafe(Interval{-1, 5}, Interval{min + 1, max}), false},
		{"sub min", SubSafe(Interval{0, 0}, Interval{min, 0}), false},
		{"mul", MulSafe(Interval{-3037000499, 3037000499}, Interval{-3037000499, 3037000499}), true},
		{"mul edge", MulSafe(Interval{0, 3037000500}, Interval{0, 3037000500}), false},
		{"mul min", MulSafe(Interval{-1, 0}, Interval{min, 0}), false},
	}
	for _, tt := range safe {
		if tt.got != tt.want {
			t.Errorf("%s safe = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

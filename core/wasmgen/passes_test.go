package wasmgen

import "testing"

// optionSets are the options the execution tests run under: no
// optimization, every pass, and every pass but one, for each pass in
// turn. The expected values of those tests are computed independently of
// the generator (math/big, known results), so each pass is checked to be
// optional: switching it off leaves every result as Python's.
func optionSets() []Options {
	sets := []Options{{}, {Optimize: true}}
	for _, p := range Passes {
		sets = append(sets, Options{Optimize: true, Disable: PassSet(p.Pass)})
	}
	return sets
}

func TestOptionsPasses(t *testing.T) {
	tests := []struct {
		opt  Options
		want PassSet
	}{
		{Options{}, BasePasses},
		{Options{Optimize: true}, AllPasses},
		{Options{Optimize: true, Disable: PassSet(PassFold)}, AllPasses &^ PassSet(PassFold)},
		{Options{Disable: PassSet(PassGuards | PassHoist)}, PassSet(PassStrAppend) | PassSet(PassConstPow)},
	}
	for _, tt := range tests {
		if got := tt.opt.Passes(); got != tt.want {
			t.Errorf("%+v.Passes() = %v, want %v", tt.opt, got, tt.want)
		}
	}
}

package parser

import (
	"fmt"
	"slices"
	"testing"
)

// TestMessagesInLanguages parses bad programs and checks that their errors
// come in the program's language, naming its keywords as written.
func TestMessagesInLanguages(t *testing.T) {
	tests := []struct{ code, src, want string }{
		{"en", "def f(x)\n    return x\n", "1:9: expected ':' after the function header, found end of line"},
		{"fr", "déf f(x) retour x\n", "1:10: ':' attendu après l'en-tête de la fonction, trouvé 'retour'"},
		{"ja", "関数 f(x)\n    戻る x\n", "1:8: 関数ヘッダーの後に ':' が必要ですが、行末が見つかりました"},
		{"ja", "x = 1\n    y = 2\n", "2:5: 予期しないインデント"},
		{"de", "wenn x > 1\n    y = 2\n", "1:11: ':' nach dem Kopf von 'wenn' erwartet, aber Zeilenende gefunden"},
		{"zh", "函数 f(x):\n返回 x\n", "2:1: '函数'（第 1 行）之后应为缩进的代码块"},
		{"hi", "f() = 1\n", "1:1: फ़ंक्शन कॉल को मान नहीं दिया जा सकता"},
		{"ar", "x = (1 + 2\ny = 3\n", "2:1: كان متوقعًا ')' لإغلاق '(' المفتوح عند 1:5، لكن وُجد 'y'"},
		{"es", "sino:\n    pasar\n", "1:1: 'sino' sin su 'si' correspondiente"},
		{"pl", "funkcja f(a=1, b):\n    pomin\n", "1:16: parametr bez wartości domyślnej występuje po parametrze z wartością domyślną"},
		{"fi", "1 = x\n", "1:1: sijoituksen kohde ei voi olla literaali"},
		{"bn", "f(x জন্য x মধ্যে y, 1)\n", "1:3: জেনারেটর রাশি একমাত্র আর্গুমেন্ট না হলে বন্ধনীর মধ্যে রাখতে হবে"},
		{"ta", "முயற்சி:\n    தாண்டு\nx = 1\n", "3:1: 'விதிவிலக்கு' அல்லது 'இறுதியாக' எதிர்பார்க்கப்பட்டது ('முயற்சி' தொகுதிக்குப் பின்), ஆனால் 'x' கிடைத்தது"},
		{"sv", "x = (1 +)\n", "1:9: ett uttryck förväntades, men hittade ')'"},
		{"pt", "f(a=1, 2)\n", "1:8: argumento posicional depois de argumento nomeado"},
	}
	for _, tt := range tests {
		_, errs := ParseFile("t.ml", tt.src, mustLang(t, tt.code))
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Start.Line, e.Start.Col, e.Msg))
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.code, tt.src, got, tt.want)
		}
	}
}

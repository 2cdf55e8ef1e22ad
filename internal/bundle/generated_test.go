package bundle

import (
	"reflect"
	"testing"
)

// fill sets every field reachable from v to a non-zero value, so a round
// trip shows whether the generated code knows every field.
func fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x" + v.Type().Name())
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			s.Index(0).SetUint(1)
		} else {
			fill(s.Index(0), depth+1)
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	}
}

// TestGeneratedCodeCoversEveryField fails when a field was added to
// payload.go or facts.go without running go generate: the field would
// silently not travel in bundles.
func TestGeneratedCodeCoversEveryField(t *testing.T) {
	var p Payload
	fill(reflect.ValueOf(&p).Elem(), 0)
	b, err := p.MarshalMsg(nil)
	if err != nil {
		t.Fatal(err)
	}
	var q Payload
	if _, err := q.UnmarshalMsg(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, q) {
		t.Fatalf("round trip lost fields: run go generate ./internal/bundle\n got %+v\nwant %+v", q, p)
	}
}

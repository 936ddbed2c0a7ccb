# examples/demo

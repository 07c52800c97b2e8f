enum CP949Decoder {}

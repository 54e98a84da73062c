"""Code-generation tooling for korusticket: vendor spec in, generator-ready spec out."""

"""Where things are: data sets, boundaries, the gazetteer, name keys and geocoders."""

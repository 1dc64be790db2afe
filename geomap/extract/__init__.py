"""Reading articles: sentences, places, dates, aggregate counts and claims."""

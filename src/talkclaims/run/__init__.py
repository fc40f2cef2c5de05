"""Running extraction over many documents: in this process, on workers, or on Dask."""

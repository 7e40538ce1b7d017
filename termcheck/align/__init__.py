"""Document alignment: Chinese and English documents paired sentence by sentence."""

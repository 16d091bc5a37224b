"""Market-data importers: CSV folders (many layouts), Yahoo Finance and FRED."""

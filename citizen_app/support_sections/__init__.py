"""The parts of the support person's page about one citizen ('Borger'), one module each. Each module has
`show(actor, citizen_id, profile)`; only the part the support person opens is read (and audited)."""

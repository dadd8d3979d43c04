"""PIX: static BR Code ("copia e cola") for collection e-mails."""

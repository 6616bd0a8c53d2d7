package vn.edu.portal.organisation;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks units up for other modules. */
@Service
@Transactional(readOnly = true)
public class UnitDirectory {

	private final UnitRepository units;

	UnitDirectory(UnitRepository units) {
		this.units = units;
	}

	public Optional<UnitRef> findByCode(String code) {
		return this.units.findByCode(code).map(Unit::toRef);
	}

}

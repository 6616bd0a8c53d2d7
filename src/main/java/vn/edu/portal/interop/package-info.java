/**
 * Interoperability with the province's document systems: directives out and in as edXML
 * packages (QCVN 102:2016/BTTTT, amendment 1:2022), and status packages back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interoperability")
package vn.edu.portal.interop;
